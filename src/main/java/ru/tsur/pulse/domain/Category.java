package ru.tsur.pulse.domain;

import java.util.List;

/**
 * A coarse category of the region's taxonomy. {@code code} is the source's own code where it uses one
 * (Kursk numbers its categories); {@code keywords} are word prefixes the rule classifier looks for.
 */
public record Category(String id, String name, String code, List<String> keywords) {

    /** Id of the category for messages nothing else fits. */
    public static final String OTHER_ID = "other";
}
