package ru.tsur.pulse.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tunables of the built-in demo message generator (prefix {@code pulse.demo}); off unless a profile turns it on. */
@ConfigMapping(prefix = "pulse.demo")
public interface DemoConfig {

    /** Whether the built-in generator feeds the pipeline (on in the {@code demo} and {@code dev} profiles). */
    @WithDefault("false")
    boolean enabled();

    /** Mean messages per second the generator produces, before the daily rhythm is applied. */
    @WithDefault("5")
    double rate();

    /**
     * How much past the demo writes at start as hourly counts (series_history) at its own rate and rhythm, so
     * the tension baselines are warm; 0 writes none (the region then learns for pulse.tension.learning).
     */
    @WithDefault("56d")
    Duration history();

    /**
     * Messages meant for each municipality and for each topic that are run through the pipeline's decisions at
     * start, to learn where the live stream's messages land (DemoHistory).
     */
    @WithDefault("60")
    int calibration();

    /** Whether the scripted scenes of the region's demo-scenes.json play (snowfall, heating failure, a burst). */
    @WithDefault("true")
    boolean scenes();

    /** Seed of the generator's random numbers, for reproducible demos. */
    @WithDefault("20201018")
    long seed();
}
