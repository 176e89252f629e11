package ru.tsur.pulse.prevention.api;

/** An executor of a chronic place's messages and how many of them it had. */
public record ExecutorMessages(String executor, int messages) {
}
