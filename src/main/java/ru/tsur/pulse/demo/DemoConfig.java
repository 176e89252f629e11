package ru.tsur.pulse.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the built-in demo message generator (prefix {@code pulse.demo}); off unless a profile turns it on. */
@ConfigMapping(prefix = "pulse.demo")
public interface DemoConfig {

    /** Whether the built-in generator feeds the pipeline (on in the {@code demo} and {@code dev} profiles). */
    @WithDefault("false")
    boolean enabled();

    /** Mean messages per second the generator produces, before the daily rhythm is applied. */
    @WithDefault("5")
    double rate();

    /** Seed of the generator's random numbers, for reproducible demos. */
    @WithDefault("20201018")
    long seed();
}
