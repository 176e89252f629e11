package ru.tsur.pulse.inbox;

import java.time.Duration;

/**
 * Working time as an executor reads it in the inbox: «осталось 3 ч 20 мин рабочего времени» before a due
 * time, «просрочено на 1 ч 5 мин рабочего времени» after it. Hours are not folded into days, as working days
 * differ in length (a pre-holiday day is shorter); an overdue term with no working time past it yet (the
 * term ran out on Friday evening, it is Saturday) says when it ran out instead. Plain code, unit-tested.
 */
public final class WorkingTimeWords {

    private WorkingTimeWords() {
    }

    /** «3 ч 20 мин», «45 мин», «2 ч», or «меньше минуты». */
    public static String amount(Duration time) {
        long minutes = time.toMinutes();
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0 && rest == 0) {
            return "меньше минуты";
        }
        if (hours == 0) {
            return rest + " мин";
        }
        return rest == 0 ? hours + " ч" : hours + " ч " + rest + " мин";
    }

    /** What is left before the due time, {@code left} being the working time from now to it. */
    public static String left(Duration left) {
        return "осталось " + amount(left) + " рабочего времени";
    }

    /**
     * How late the term is, {@code past} being the working time from the due time to now; {@code dueText} is
     * the due time as written on the page, for a term with no working time past it yet.
     */
    public static String overdue(Duration past, String dueText) {
        if (past.toMinutes() == 0) {
            return "просрочено: срок истёк " + dueText;
        }
        return "просрочено на " + amount(past) + " рабочего времени";
    }
}
