package ru.tsur.pulse.cases;

import ru.tsur.pulse.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flags answers that look like an «отписка» rather than a reply: {@code too_short} (fewer characters than a
 * real reply needs), {@code no_action} (neither a concrete action done or planned nor a date or term), and
 * {@code boilerplate} (the same text, by word-stem similarity, as at least {@code boilerplateAtLeast}
 * earlier answers). A resolution followed by a new message at the same place is flagged elsewhere
 * ({@code came_back}, when the repeat case is opened).
 */
public final class AnswerQuality {

    public static final String TOO_SHORT = "too_short";
    public static final String NO_ACTION = "no_action";
    public static final String BOILERPLATE = "boilerplate";
    public static final String CAME_BACK = "came_back";

    /** A date or a term: «12.10», «15 ноября», «до конца недели», «в течение 3 дней», «завтра». */
    private static final Pattern DATE_OR_TERM = Pattern.compile(
            "\\b\\d{1,2}[./]\\d{1,2}([./]\\d{2,4})?\\b"
                    + "|\\b\\d{1,2}\\s+(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)"
                    + "|до\\s+конца\\s+(дня|недели|месяца|года)|в\\s+течение\\s+\\d+|\\b(завтра|сегодня|послезавтра)\\b"
                    + "|\\bдо\\s+\\d{1,2}\\b|\\b\\d{1,2}:\\d{2}\\b");

    /** Something done or to be done: «выполнены работы», «мусор вывезен», «будет заменён», «проведён ремонт». */
    private static final Pattern ACTION = Pattern.compile(
            "(выполнен|устранен|отремонтирован|вывезен|убран|заменен|восстановлен|очищен|проведен|установлен"
                    + "|демонтирован|починен|спилен|покрашен|засыпан|заделан|откачан|подключен|вывоз|ремонт|замен"
                    + "|уборк|очистк|запланирован|включен в план|направлен[аоы]? бригад|выезд)");

    private final int shortAnswerChars;
    private final double similarity;
    private final int boilerplateAtLeast;

    public AnswerQuality(int shortAnswerChars, double similarity, int boilerplateAtLeast) {
        this.shortAnswerChars = shortAnswerChars;
        this.similarity = similarity;
        this.boilerplateAtLeast = boilerplateAtLeast;
    }

    /** The flags of an answer given the earlier answers to compare it with (empty list = a good answer). */
    public List<String> flags(String answer, List<String> earlierAnswers) {
        List<String> flags = new ArrayList<>();
        String text = answer == null ? "" : answer.strip();
        if (text.length() < shortAnswerChars) {
            flags.add(TOO_SHORT);
        }
        String folded = TextNormalizer.fold(text);
        if (!DATE_OR_TERM.matcher(folded).find() && !ACTION.matcher(folded).find()) {
            flags.add(NO_ACTION);
        }
        Set<String> stems = TextShingles.stems(text);
        int same = 0;
        for (String earlier : earlierAnswers) {
            if (!stems.isEmpty() && TextShingles.jaccard(stems, TextShingles.stems(earlier)) >= similarity) {
                same++;
                if (same >= boilerplateAtLeast) {
                    flags.add(BOILERPLATE);
                    break;
                }
            }
        }
        return flags;
    }
}
