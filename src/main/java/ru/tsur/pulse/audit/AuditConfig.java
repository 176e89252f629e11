package ru.tsur.pulse.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tunables of the audit trail's API (prefix {@code pulse.audit}). */
@ConfigMapping(prefix = "pulse.audit")
public interface AuditConfig {

    /** Rows checked per query by the chain verification; it never reads the whole table at once. */
    @WithDefault("5000")
    int verifyChunk();

    /** Rows on a page of {@code GET /api/v1/audit} when {@code size} is not given. */
    @WithDefault("50")
    int defaultPageSize();

    /** Largest {@code size} {@code GET /api/v1/audit} accepts. */
    @WithDefault("500")
    int maxPageSize();
}
