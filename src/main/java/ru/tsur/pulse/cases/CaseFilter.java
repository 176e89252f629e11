package ru.tsur.pulse.cases;

/**
 * What a list of cases is narrowed to; a null field does not narrow. {@code flagged}: the answer has quality
 * flags; {@code open}: the status is one of {@link CaseStatus#OPEN} (or, false, a final one).
 */
public record CaseFilter(String status, String executor, String municipality, Boolean overdue, Boolean repeat,
                         Boolean flagged, Boolean open) {
}
