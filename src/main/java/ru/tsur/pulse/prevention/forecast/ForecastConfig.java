package ru.tsur.pulse.prevention.forecast;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Tunables of the week-ahead forecast in the service (prefix {@code pulse.forecast}): how often the forecast
 * behind the metrics is made again. The forecast's own parameters are {@link ForecastSettings}' measured
 * defaults (README, «The week ahead»), the same the evaluation command uses.
 */
@ConfigMapping(prefix = "pulse.forecast")
public interface ForecastConfig {

    /** How often the metrics' forecast is made again (the API forecasts afresh on every request). */
    @WithDefault("1h")
    Duration refresh();

    /** How often the metrics job looks whether the baselines are warm and the forecast is due. */
    @WithDefault("1m")
    Duration check();
}
