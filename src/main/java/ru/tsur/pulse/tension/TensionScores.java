package ru.tsur.pulse.tension;

import java.time.Instant;
import java.util.Map;

/**
 * The tension detector's latest scores, the payload of {@link ru.tsur.pulse.pipeline.Channels#TENSION_SCORES}:
 * municipality → category → 0–100, complete each round (a cell absent scores 0), so a screen stream needs
 * only the latest one; with the municipalities whose baseline is still learning (→ whole days left), which
 * score but cannot alert yet.
 */
public record TensionScores(Map<String, Map<String, Integer>> scores, Map<String, Integer> learning,
                            Instant computedAt) {
}
