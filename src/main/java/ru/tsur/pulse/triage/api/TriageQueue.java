package ru.tsur.pulse.triage.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** The oldest messages waiting for triage (at most the limit asked for) and how many wait in all. */
@RegisterForReflection
public record TriageQueue(List<TriageItem> items, long waiting) {
}
