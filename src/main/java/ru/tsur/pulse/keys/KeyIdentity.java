package ru.tsur.pulse.keys;

import java.util.List;

/** Who posts with a valid key: the key's id and name, and the {@code source} values it may post as. */
public record KeyIdentity(String id, String name, List<String> sources) {

    public KeyIdentity {
        sources = List.copyOf(sources);
    }

    public boolean mayPostAs(String source) {
        return sources.contains(source);
    }
}
