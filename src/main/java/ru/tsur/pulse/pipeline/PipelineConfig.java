package ru.tsur.pulse.pipeline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Tunables of the pipeline's own execution (prefix {@code pulse.pipeline}); what the stages decide is
 * configured in each stage's own mapping ({@code ClassifyConfig}, {@code RoutingConfig}, …).
 */
@ConfigMapping(prefix = "pulse.pipeline")
public interface PipelineConfig {

    /**
     * How many messages go through the decision stages (normalize → mask → classify → locate → route) at
     * once, each on a worker thread, never on the event loop; 0 means one per CPU core.
     */
    @WithDefault("0")
    int decisionConcurrency();

    /** The effective concurrency: the configured one, or the number of CPU cores. */
    default int effectiveDecisionConcurrency() {
        int configured = decisionConcurrency();
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }
}
