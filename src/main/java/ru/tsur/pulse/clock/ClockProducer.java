package ru.tsur.pulse.clock;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The service's one source of time: every bean that needs "now" injects this {@link Clock}, so a test can
 * replace it (an alternative bean) and move time instead of sleeping.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
