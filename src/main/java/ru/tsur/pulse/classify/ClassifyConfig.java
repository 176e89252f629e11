package ru.tsur.pulse.classify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Tunables of the classify stage (prefix {@code pulse.classify}), read where the region's classifier is built
 * ({@code region/RegionProducers}); the classifiers themselves take plain values.
 */
@ConfigMapping(prefix = "pulse.classify")
public interface ClassifyConfig {

    /** Below this calibrated probability of its category a message is flagged for manual triage. */
    @WithDefault("0.5")
    double triageBelow();
}
