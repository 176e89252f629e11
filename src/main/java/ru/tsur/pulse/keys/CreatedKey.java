package ru.tsur.pulse.keys;

/** A key just created: the full key text, which exists only here and is shown once, and its stored record. */
public record CreatedKey(String key, ApiKey record) {
}
