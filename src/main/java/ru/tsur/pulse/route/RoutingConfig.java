package ru.tsur.pulse.route;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Tunables of the route stage (prefix {@code pulse.routing}), read where the routing table and the decision
 * path are built ({@code region/RegionProducers}); the routing classes themselves take plain values.
 */
@ConfigMapping(prefix = "pulse.routing")
public interface RoutingConfig {

    /**
     * The control room's routing overrides (CSV: topic,category,municipality,executor,deadline_class,comment);
     * none if unset.
     */
    Optional<String> overridesFile();

    /**
     * The trained executor head (text plus place) decides when it is at least this sure; below, the
     * learned routing table does. Overrides always win.
     */
    @WithDefault("0.0")
    double modelConfidence();
}
