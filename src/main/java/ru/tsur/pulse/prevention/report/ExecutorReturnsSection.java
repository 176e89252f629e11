package ru.tsur.pulse.prevention.report;

import java.util.List;

/**
 * The report's section of executors whose resolutions come back ({@link ExecutorReturns} defines and ranks).
 *
 * @param resolved    cases resolved in the period, over every executor
 * @param returned    those that came back
 * @param share       returned over resolved: the prior the executors' shares are shrunk towards
 * @param priorWeight the prior's weight in cases
 * @param executors   executors with a resolution in the period
 * @param lines       the first of them, most coming back first
 */
public record ExecutorReturnsSection(long resolved, long returned, double share, double priorWeight, int executors,
                                     List<Line> lines) {

    public ExecutorReturnsSection {
        lines = List.copyOf(lines);
    }

    /**
     * One executor.
     *
     * @param rank          1 for the executor whose resolutions come back most
     * @param executor      its name
     * @param resolved      its cases resolved in the period
     * @param reopened      of them, reopened
     * @param cameBack      of them, followed by a repeat case
     * @param returned      of them, either (each case once)
     * @param share         returned over resolved, as observed
     * @param adjustedShare the share shrunk towards the overall one: what it is ranked by
     */
    public record Line(int rank, String executor, long resolved, long reopened, long cameBack, long returned,
                       double share, double adjustedShare) {
    }
}
