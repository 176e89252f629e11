package ru.tsur.pulse.tension;

/**
 * The weekly rhythm of one category (or of all messages): the share of a week's messages that falls in each
 * hour of the week. Each hour keeps its exponentially forgotten messages and the number of times it was
 * seen, so its rate is a mean per occurrence — an hour not yet seen this week is not penalised for it.
 * The shares (rates over their sum) are shrunk toward a parent profile (a category's toward the city's,
 * the city's toward flat) with weight {@code messages / (messages + pseudoMessages)}, so a category with
 * few messages borrows the city's rhythm instead of inventing one from noise. Until a profile has seen
 * one whole week it answers with its parent's shares.
 */
final class WeeklyProfile {

    private final double[] messages = new double[BucketClock.HOURS_PER_WEEK];
    private final double[] occurrences = new double[BucketClock.HOURS_PER_WEEK];
    private final WeeklyProfile parent;
    private final double pseudoMessages;
    private double totalMessages;
    private double hoursSeen;
    /** Sum of the hourly rates; NaN when an addition made it stale (forgetting scales rates not at all). */
    private double rateSum = Double.NaN;

    WeeklyProfile(WeeklyProfile parent, double pseudoMessages) {
        this.parent = parent;
        this.pseudoMessages = pseudoMessages;
    }

    /** A copy learning on from the same state, under a (copied) parent. */
    WeeklyProfile copy(WeeklyProfile copiedParent) {
        WeeklyProfile copy = new WeeklyProfile(copiedParent, pseudoMessages);
        System.arraycopy(messages, 0, copy.messages, 0, messages.length);
        System.arraycopy(occurrences, 0, copy.occurrences, 0, occurrences.length);
        copy.totalMessages = totalMessages;
        copy.hoursSeen = hoursSeen;
        copy.rateSum = rateSum;
        return copy;
    }

    /** Adds the messages of one bucket lasting {@code hours} (at most 1) in an hour of the week. */
    void add(int hourOfWeek, double count, double hours) {
        messages[hourOfWeek] += count;
        occurrences[hourOfWeek] += hours;
        totalMessages += count;
        hoursSeen += hours;
        rateSum = Double.NaN;
    }

    /** Forgets a little: every weight times {@code factor} (0 < factor ≤ 1). Rates stay as they are. */
    void decay(double factor) {
        for (int hour = 0; hour < messages.length; hour++) {
            messages[hour] *= factor;
            occurrences[hour] *= factor;
        }
        totalMessages *= factor;
    }

    /** Share of a week's messages expected in this hour of the week (the 168 shares sum to 1). */
    double share(int hourOfWeek) {
        double prior = parent == null ? 1.0 / BucketClock.HOURS_PER_WEEK : parent.share(hourOfWeek);
        if (hoursSeen < BucketClock.HOURS_PER_WEEK) {
            return prior;
        }
        if (Double.isNaN(rateSum)) {
            double sum = 0;
            for (int hour = 0; hour < messages.length; hour++) {
                sum += rate(hour);
            }
            rateSum = sum;
        }
        double own = rateSum > 0 ? rate(hourOfWeek) / rateSum : prior;
        double weight = totalMessages / (totalMessages + pseudoMessages);
        return weight * own + (1 - weight) * prior;
    }

    private double rate(int hour) {
        return occurrences[hour] > 0 ? messages[hour] / occurrences[hour] : 0;
    }
}
