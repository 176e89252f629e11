package ru.tsur.pulse.cases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.route.DeadlineClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus figures of cases: {@code pulse_cases_open{deadline_class}}, {@code pulse_cases_overdue{deadline_class}}
 * and {@code pulse_cases_repeat_ratio} (region-wide, cases opened in the last 30 days) — counted in
 * PostgreSQL so every replica reports the same —, and this replica's {@code pulse_cases_transitions_total{to}},
 * {@code pulse_cases_answers_flagged_total{reason}} and {@code pulse_deadline_watcher_runs_total{outcome}}.
 */
@ApplicationScoped
public class CaseMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();
    private final AtomicReference<Double> repeatRatio = new AtomicReference<>(0.0);

    public CaseMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (DeadlineClass deadlineClass : DeadlineClass.values()) {
            gauges(deadlineClass.id());
        }
        // Counters exist from the start (at 0) so dashboards and rate() see a series before the first event.
        for (CaseStatus status : CaseStatus.values()) {
            transitions(status.id());
        }
        for (String reason : List.of(AnswerQuality.TOO_SHORT, AnswerQuality.NO_ACTION, AnswerQuality.BOILERPLATE,
                AnswerQuality.CAME_BACK)) {
            answersFlagged(reason);
        }
        for (String outcome : List.of("ran", "skipped", "failed")) {
            watcherRuns(outcome);
        }
        Gauge.builder("pulse.cases.repeat.ratio", repeatRatio, AtomicReference::get)
                .description("Share of cases opened in the last 30 days that repeat a recently resolved problem")
                .register(registry);
    }

    void transition(String to) {
        transitions(to).increment();
    }

    void answerFlagged(String reason) {
        answersFlagged(reason).increment();
    }

    void watcherRun(String outcome) {
        watcherRuns(outcome).increment();
    }

    private Counter transitions(String to) {
        return Counter.builder("pulse.cases.transitions").description("Case transitions by target status").tag("to", to)
                .register(registry);
    }

    private Counter answersFlagged(String reason) {
        return Counter.builder("pulse.cases.answers.flagged").description("Answers flagged by the quality check")
                .tag("reason", reason).register(registry);
    }

    private Counter watcherRuns(String outcome) {
        return Counter.builder("pulse.deadline.watcher.runs")
                .description("Deadline watcher rounds by outcome (ran, skipped, failed)").tag("outcome", outcome)
                .register(registry);
    }

    void counted(List<CaseRepository.ClassCount> counts, long casesLast30Days, long repeatsLast30Days) {
        Map<String, CaseRepository.ClassCount> byClass = new ConcurrentHashMap<>();
        counts.forEach(count -> {
            byClass.put(count.deadlineClass(), count);
            gauges(count.deadlineClass());
        });
        open.forEach((deadlineClass, value) -> value.set(byClass.containsKey(deadlineClass) ? byClass.get(deadlineClass).open() : 0));
        overdue.forEach((deadlineClass, value) -> value.set(byClass.containsKey(deadlineClass) ? byClass.get(deadlineClass).overdue() : 0));
        repeatRatio.set(casesLast30Days == 0 ? 0.0 : (double) repeatsLast30Days / casesLast30Days);
    }

    private void gauges(String deadlineClass) {
        open.computeIfAbsent(deadlineClass, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("pulse.cases.open", value, AtomicLong::get).description("Open cases")
                    .tag("deadline_class", key).register(registry);
            return value;
        });
        overdue.computeIfAbsent(deadlineClass, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("pulse.cases.overdue", value, AtomicLong::get).description("Open cases past a deadline")
                    .tag("deadline_class", key).register(registry);
            return value;
        });
    }
}
