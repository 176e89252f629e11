package ru.tsur.pulse.counters;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rolling windows the heat map shows. The 1 h window is made of minute buckets, the others of hour
 * buckets (a 24 h window is the current hour and the 23 before it).
 */
public enum Window {
    HOUR("1h"),
    DAY("24h"),
    WEEK("7d");

    private final String label;

    Window(String label) {
        this.label = label;
    }

    /** The form used in URLs and push frames: {@code 1h}, {@code 24h}, {@code 7d}. */
    public String label() {
        return label;
    }

    public static Optional<Window> fromLabel(String label) {
        return Arrays.stream(values()).filter(window -> window.label.equals(label)).findFirst();
    }
}
