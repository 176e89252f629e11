package ru.tsur.pulse.api;

import ru.tsur.pulse.problems.Problem;

/**
 * Numeric ids in paths ({@code /cases/{id}}, {@code /messages/{id}/original}): a value that is not a positive
 * whole number names nothing, so it is a 404 naming what was asked for, without asking PostgreSQL.
 */
public final class PathIds {

    private PathIds() {
    }

    /** The id as a positive long, or a 404 with the given detail (e.g. «Нет такого обращения: …»). */
    public static long positive(String id, String notFoundDetail) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw Problem.notFound(notFoundDetail);
    }
}
