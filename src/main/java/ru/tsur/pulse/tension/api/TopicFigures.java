package ru.tsur.pulse.tension.api;

/** A topic within a tension point: observed and expected messages in the window. */
public record TopicFigures(String topic, long observed, double expected) {
}
