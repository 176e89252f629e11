package ru.tsur.pulse.domain;

/**
 * Where a classified message goes: the executor (the body that must answer), its deadline class (an id of
 * {@code ru.tsur.pulse.route.DeadlineClass}: urgent, standard, extended) and the rule that decided, in words a control-room operator can check —
 * {@code override: topic=«Аварийные деревья», municipality=kursk-gorod-kursk},
 * {@code learned: topic+municipality (37 of 41)}, {@code learned: topic only (12 of 20)},
 * {@code learned: category (300 of 954)}, {@code default}.
 */
public record Route(String executor, String deadlineClass, String rule) {
}
