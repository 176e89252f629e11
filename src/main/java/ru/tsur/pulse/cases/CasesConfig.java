package ru.tsur.pulse.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Tunables of cases, deadlines, escalation and answer quality (prefix {@code pulse.cases}). */
@ConfigMapping(prefix = "pulse.cases")
public interface CasesConfig {

    /** A working-calendar file on disk (format in WorkingCalendarFile); unset = the shipped {@code calendar/<region>.txt}. */
    Optional<String> calendarFile();

    /** Urgent class: working time to the first public reply. */
    @WithDefault("PT2H")
    Duration urgentFirstReply();

    /** Urgent class: working days to the solution. */
    @WithDefault("1")
    int urgentResolutionDays();

    /** Standard class: working time to the first public reply (regions promise 8 working hours). */
    @WithDefault("PT8H")
    Duration standardFirstReply();

    /** Standard class: working days to the solution. */
    @WithDefault("10")
    int standardResolutionDays();

    /** Extended class: working time to the first public reply. */
    @WithDefault("PT8H")
    Duration extendedFirstReply();

    /** Extended class: working days to the solution (planned works). */
    @WithDefault("30")
    int extendedResolutionDays();

    /** A message this close to an open case of the same municipality and topic joins it. */
    @WithDefault("150")
    double duplicateDistanceMeters();

    /** Similar words join a case only when the two points (if both known) are at most this far apart. */
    @WithDefault("1000")
    double textMatchMaxDistanceMeters();

    /** Word-stem Jaccard similarity at which two texts count as the same problem. */
    @WithDefault("0.5")
    double duplicateTextSimilarity();

    /** A message joins an open case only if the case had a message within this period. */
    @WithDefault("P7D")
    Duration duplicatePeriod();

    /** A message about a problem resolved within this period opens a case marked as its repeat. */
    @WithDefault("P30D")
    Duration repeatPeriod();

    /** Most stored messages given cases in one transaction. */
    @WithDefault("200")
    int intakeBatchSize();

    /** How often messages without a case are looked for (the catch-up that makes intake replayable). */
    @WithDefault("2s")
    Duration intakeInterval();

    /** How often the deadline watcher sweeps all open cases. */
    @WithDefault("30s")
    Duration watchInterval();

    /**
     * Cases whose first message is older than this raise no deadline alerts (they stay listed as overdue):
     * the wall is for live control, and a replay of old data must not flood it.
     */
    @WithDefault("P30D")
    Duration alertHorizon();

    /** Share of the allowed working time after which a case is "at risk" (info). */
    @WithDefault("0.5")
    double warnAt();

    /** Share of the allowed working time after which a case warns (warning). */
    @WithDefault("0.8")
    double urgeAt();

    /** Who is told, in order, as an overdue case stays overdue: one step per repeat interval. */
    @WithDefault("executor,municipality-head,region-curator")
    List<String> escalationChain();

    /** Working time after which an overdue alert is repeated and escalated one step further. */
    @WithDefault("PT4H")
    Duration repeatInterval();

    /** Overdue cases of one executor in one municipality from which a group alert is raised over them. */
    @WithDefault("3")
    int groupAtLeast();

    /** An answer shorter than this many characters is flagged as too short. */
    @WithDefault("60")
    int shortAnswerChars();

    /** Similarity to an earlier answer at which it counts as the same text. */
    @WithDefault("0.8")
    double boilerplateSimilarity();

    /** An answer that is the same text as at least this many earlier answers is flagged as boilerplate. */
    @WithDefault("3")
    int boilerplateAtLeast();

    /** Earlier answers compared with a new one. */
    @WithDefault("500")
    int boilerplateWindow();

    /** Largest page of {@code GET /api/v1/cases}. */
    @WithDefault("200")
    int maxPageSize();

    /** Scorecards cover cases opened within this period. */
    @WithDefault("P90D")
    Duration scorecardPeriod();

    /** Weight (in cases) of the region-wide mean that shrinks small executors' shares (Bayesian prior). */
    @WithDefault("10")
    double scorecardPriorWeight();

    /** Longest answer text of an executor (answer, resolve), in characters. */
    @WithDefault("4000")
    int maxAnswerLength();

    /** Longest rejection reason, and longest resident's comment on confirm or reopen, in characters. */
    @WithDefault("500")
    int maxReasonLength();
}
