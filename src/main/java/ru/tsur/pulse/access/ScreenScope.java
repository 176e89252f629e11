package ru.tsur.pulse.access;

import java.util.Set;

/**
 * What one screen may show: everything, or the municipalities its login is bound to (a municipal ЦУР's
 * wall, an official with the {@code municipality} claim). The broadcasters filter each frame for a scoped
 * screen — cells, scores, alerts and messages of other municipalities never reach it, region-wide alerts
 * neither — while unscoped screens share one encoded frame.
 *
 * @param municipalities the municipality ids allowed, or null for all
 */
public record ScreenScope(Set<String> municipalities) {

    public static final ScreenScope ALL = new ScreenScope(null);

    public static ScreenScope of(Caller caller) {
        return caller.municipalityScope().map(scope -> new ScreenScope(Set.copyOf(scope))).orElse(ALL);
    }

    public boolean all() {
        return municipalities == null;
    }

    public boolean includes(String municipality) {
        return municipalities == null || municipality != null && municipalities.contains(municipality);
    }
}
