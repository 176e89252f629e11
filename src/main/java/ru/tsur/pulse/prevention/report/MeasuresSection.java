package ru.tsur.pulse.prevention.report;

import ru.tsur.pulse.prevention.measures.EffectEstimate;
import ru.tsur.pulse.prevention.measures.Measure;
import ru.tsur.pulse.prevention.measures.MeasureResult;
import ru.tsur.pulse.prevention.measures.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's section of measures and their effects: the measures taken in the period or in the
 * {@value #EARLIER_DAYS} days before it (an effect needs weeks after the measure to be judged, so last
 * period's measures are what this meeting can judge), each with its effect as of now — observed against
 * expected after it, as a percent change with its 95% interval, and the verdict — and how many measures
 * reduced, raised or did not clearly change their problem. Plain code.
 *
 * @param total         measures listed
 * @param decrease      judged: fewer messages than expected
 * @param increase      judged: more
 * @param noClearChange judged: no change told apart from chance
 * @param notYet        too early or too few to judge
 * @param lines         the measures, newest taken first
 */
public record MeasuresSection(int total, int decrease, int increase, int noClearChange, int notYet, List<Line> lines) {

    /** Days before the period whose measures the section lists too. */
    public static final int EARLIER_DAYS = 56;

    public MeasuresSection {
        lines = List.copyOf(lines);
    }

    /**
     * One measure.
     *
     * @param percentChange observed vs expected, in percent; null when not judged (as the interval's ends)
     */
    public record Line(long id, Instant takenAt, String title, String where, String topic, long before, long after,
                       Double expected, Double percentChange, Double lower, Double upper, String verdict) {
    }

    /** The section of these measures (newest first); names for people from {@code names}. */
    public static MeasuresSection of(List<MeasureResult> results, PreventionReportBuilder.Names names) {
        int decrease = 0;
        int increase = 0;
        int noClearChange = 0;
        int notYet = 0;
        List<Line> lines = new ArrayList<>();
        for (MeasureResult result : results) {
            Measure measure = result.measure();
            EffectEstimate effect = result.effect();
            switch (effect.verdict()) {
                case DECREASE -> decrease++;
                case INCREASE -> increase++;
                case NO_CLEAR_CHANGE -> noClearChange++;
                default -> notYet++;
            }
            String municipality = name(names.municipalities(), measure.municipality());
            String where = measure.placeLabel() == null ? municipality : municipality + ", " + measure.placeLabel();
            String category = name(names.categories(), measure.category());
            String topic = measure.topic() == null ? category : category + " / " + measure.topic();
            boolean judged = effect.verdict() == Verdict.DECREASE || effect.verdict() == Verdict.INCREASE
                    || effect.verdict() == Verdict.NO_CLEAR_CHANGE;
            lines.add(new Line(measure.id(), measure.takenAt(), measure.title(), where, topic, effect.treatedBefore(),
                    effect.treatedAfter(), effect.expectedAfter(), judged ? effect.percentChange() : null,
                    judged ? (effect.lower() - 1) * 100 : null, judged ? (effect.upper() - 1) * 100 : null,
                    effect.verdict().russian(effect.window().daysAfter())));
        }
        return new MeasuresSection(results.size(), decrease, increase, noClearChange, notYet, lines);
    }

    private static String name(Map<String, String> names, String id) {
        return names.getOrDefault(id, id);
    }
}
