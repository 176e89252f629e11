package ru.tsur.pulse.inbox;

import io.quarkus.qute.TemplateData;
import ru.tsur.pulse.cases.Scorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An executor's own scorecard as its inbox writes it: its row of the executors' ranking ({@link Scorecard}),
 * the figures in Russian («83 %», «2,5 ч»), and its place in the ranking. Plain code.
 */
@TemplateData
public record ScoreLine(String executor, int place, int of, int cases, String onTime, String medianFirstReply,
                        String reopened, String repeats, int flaggedAnswers) {

    /** The lines of the executors in {@code own}, from the whole ranking (best first), in ranking order. */
    public static List<ScoreLine> of(List<Scorecard.Row> ranking, Set<String> own) {
        List<ScoreLine> lines = new ArrayList<>();
        for (int index = 0; index < ranking.size(); index++) {
            Scorecard.Row row = ranking.get(index);
            if (own.contains(row.key())) {
                lines.add(new ScoreLine(row.key(), index + 1, ranking.size(), row.cases(),
                        row.judged() == 0 ? "пока не по чему судить" : percent(row.onTimeShare()) + " (" + row.onTime() + " из " + row.judged() + ")",
                        row.medianFirstReplyHours() == null ? "ответов ещё не было" : hours(row.medianFirstReplyHours()),
                        percent(row.reopenShare()), percent(row.repeatShare()), row.flaggedAnswers()));
            }
        }
        return lines;
    }

    static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    static String hours(double hours) {
        return String.format(Locale.ROOT, "%.1f", hours).replace('.', ',') + " ч";
    }
}
