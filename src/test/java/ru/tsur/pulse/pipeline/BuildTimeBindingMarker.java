package ru.tsur.pulse.pipeline;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A bean that exists only when the build saw {@code kafka-spike.binding=kafka}: it tells the spike's tests
 * (docs/kafka-binding-spike.md, candidate a) whether a build-time property set by a {@code @TestProfile} reaches
 * the augmentation of that profile's application. It does: Quarkus builds the application anew for each test
 * profile. That is the tests' world only; a production jar is built once, so a build-time switch would need
 * one build per binding.
 */
@Unremovable
@ApplicationScoped
@IfBuildProperty(name = "kafka-spike.binding", stringValue = "kafka")
public class BuildTimeBindingMarker {
}
