package ru.tsur.pulse.cases;

import ru.tsur.pulse.alerts.AlertLabels;
import ru.tsur.pulse.alerts.AlertRaise;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges how far an open case is through its terms and turns that into deadline alerts. A case past
 * {@code warnAt} of its allowed working time is at risk (info), past {@code urgeAt} it warns (warning),
 * past its due time it is overdue (critical). An overdue case is repeated and escalated one step along the
 * chain (executor → municipality head → region curator by default) per {@code repeatInterval} of working
 * time it stays overdue. What an alert shows changes only at these steps, so sweeping often does not churn
 * screens. Alerts are identified by kind {@code deadline} and labels case, executor and municipality, and
 * grouped by executor and municipality: from {@code groupAtLeast} overdue cases in one group a group alert
 * is raised and the cases' alerts name it as their parent.
 */
public final class DeadlineAssessment {

    /** Which term is running out. */
    public enum Stage {
        FIRST_REPLY("first_reply"), RESOLUTION("resolution");

        private final String id;

        Stage(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** How far through the term: the alert's severity. */
    public enum Level {
        AT_RISK("info", 50), WARNING("warning", 80), OVERDUE("critical", 100);

        private final String severity;
        private final int percent;

        Level(String severity, int percent) {
            this.severity = severity;
            this.percent = percent;
        }

        public String severity() {
            return severity;
        }

        public int percent() {
            return percent;
        }
    }

    /** What the assessment found for one case. */
    public record Finding(ProblemCase problem, Stage stage, Level level, Instant dueAt, int repeats,
                          String escalatedTo) {
    }

    public static final String KIND = "deadline";
    public static final List<String> GROUP_BY = List.of("executor", "municipality");

    private static final Map<String, String> ROLE_NAMES = Map.of(
            "executor", "исполнитель",
            "municipality-head", "глава муниципального образования",
            "region-curator", "куратор региона");
    private static final DateTimeFormatter DUE_FORMAT = DateTimeFormatter.ofPattern("dd.MM HH:mm");

    private final DeadlinePolicy policy;
    private final double warnAt;
    private final double urgeAt;
    private final List<String> chain;
    private final Duration repeatInterval;
    private final int groupAtLeast;

    public DeadlineAssessment(DeadlinePolicy policy, double warnAt, double urgeAt, List<String> chain,
                              Duration repeatInterval, int groupAtLeast) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("The escalation chain needs at least one step");
        }
        this.policy = policy;
        this.warnAt = warnAt;
        this.urgeAt = urgeAt;
        this.chain = List.copyOf(chain);
        this.repeatInterval = repeatInterval;
        this.groupAtLeast = groupAtLeast;
    }

    /** The most pressing term of an open case at {@code now}, if it is past {@code warnAt}. */
    public Optional<Finding> assess(ProblemCase problem, Instant now) {
        if (!problem.statusValue().open()) {
            return Optional.empty();
        }
        DeadlinePolicy.Terms terms = policy.terms(problem.deadlineClass());
        Optional<Finding> resolution = judge(problem, Stage.RESOLUTION, terms.resolution(), problem.resolutionDue(), now);
        if (problem.firstAnswerAt() != null) {
            return resolution;
        }
        Optional<Finding> firstReply = judge(problem, Stage.FIRST_REPLY, terms.firstReply(), problem.firstReplyDue(), now);
        if (resolution.isPresent() && (firstReply.isEmpty() || resolution.get().level().compareTo(firstReply.get().level()) > 0)) {
            return resolution;
        }
        return firstReply;
    }

    private Optional<Finding> judge(ProblemCase problem, Stage stage, Duration allowed, Instant due, Instant now) {
        if (!now.isBefore(due)) {
            long repeats = policy.calendar().workingTimeBetween(due, now).toSeconds() / Math.max(1, repeatInterval.toSeconds());
            int step = (int) Math.min(repeats, chain.size() - 1);
            return Optional.of(new Finding(problem, stage, Level.OVERDUE, due, (int) Math.min(repeats, Integer.MAX_VALUE),
                    chain.get(step)));
        }
        double share = policy.elapsedShare(problem.createdAt(), allowed, now);
        if (share >= urgeAt) {
            return Optional.of(new Finding(problem, stage, Level.WARNING, due, 0, chain.get(0)));
        }
        if (share >= warnAt) {
            return Optional.of(new Finding(problem, stage, Level.AT_RISK, due, 0, chain.get(0)));
        }
        return Optional.empty();
    }

    /** The labels of a case's deadline alert (its identity). */
    public static Map<String, String> labels(ProblemCase problem) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("case", Long.toString(problem.id()));
        labels.put("executor", problem.executor() == null ? "" : problem.executor());
        labels.put("municipality", problem.municipality());
        return labels;
    }

    /** The id of a case's deadline alert. */
    public static String alertId(ProblemCase problem) {
        return AlertLabels.fingerprint(KIND, labels(problem));
    }

    /**
     * The alerts for a set of findings: one per case, and one per group of at least {@code groupAtLeast}
     * overdue cases of one executor in one municipality, which its cases name as parent.
     */
    public List<AlertRaise> alerts(List<Finding> findings) {
        Map<String, List<Finding>> overdueByGroup = new LinkedHashMap<>();
        for (Finding finding : findings) {
            if (finding.level() == Level.OVERDUE) {
                overdueByGroup.computeIfAbsent(AlertLabels.groupKey(KIND, labels(finding.problem()), GROUP_BY),
                        key -> new ArrayList<>()).add(finding);
            }
        }
        Map<String, String> parents = new LinkedHashMap<>();
        List<AlertRaise> raises = new ArrayList<>();
        overdueByGroup.forEach((group, members) -> {
            if (members.size() >= groupAtLeast) {
                AlertRaise parent = groupAlert(group, members);
                parents.put(group, parent.id());
                raises.add(parent);
            }
        });
        for (Finding finding : findings) {
            String group = AlertLabels.groupKey(KIND, labels(finding.problem()), GROUP_BY);
            raises.add(caseAlert(finding, group, finding.level() == Level.OVERDUE ? parents.get(group) : null));
        }
        return raises;
    }

    private AlertRaise caseAlert(Finding finding, String group, String parent) {
        ProblemCase problem = finding.problem();
        String term = finding.stage() == Stage.FIRST_REPLY ? "первого ответа" : "решения";
        String title = switch (finding.level()) {
            case OVERDUE -> "Просрочен срок " + term;
            case WARNING -> "Срок " + term + " на исходе (80%)";
            case AT_RISK -> "Прошла половина срока " + term;
        };
        ZoneId zone = policy.calendar().zone();
        String summary = "Обращение №" + problem.id() + " «" + shorten(problem.summary()) + "»; исполнитель: "
                + (problem.executor() == null ? "не назначен" : problem.executor()) + "; срок до "
                + DUE_FORMAT.format(finding.dueAt().atZone(zone))
                + (finding.level() == Level.OVERDUE ? "; эскалация: " + ROLE_NAMES.getOrDefault(finding.escalatedTo(), finding.escalatedTo()) : "");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("case", problem.id());
        details.put("stage", finding.stage().id());
        details.put("percent", finding.level().percent());
        details.put("dueAt", finding.dueAt().toString());
        details.put("deadlineClass", problem.deadlineClass());
        details.put("escalation", finding.escalatedTo());
        details.put("repeats", finding.repeats());
        return new AlertRaise(KIND, labels(problem), finding.level().severity(), title, summary, details, group, parent);
    }

    private static AlertRaise groupAlert(String group, List<Finding> members) {
        ProblemCase first = members.get(0).problem();
        Map<String, String> labels = new LinkedHashMap<>(AlertLabels.groupLabels(labels(first), GROUP_BY));
        labels.put("scope", "group");
        List<Long> cases = members.stream().map(finding -> finding.problem().id()).sorted().limit(50).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("overdue", members.size());
        details.put("cases", cases);
        String executor = first.executor() == null || first.executor().isEmpty() ? "исполнитель не назначен" : first.executor();
        return new AlertRaise(KIND, labels, "critical", executor + ": " + members.size() + " просроченных обращений",
                "Просрочены обращения №" + cases.stream().limit(10).map(String::valueOf).reduce((a, b) -> a + ", №" + b).orElse("")
                        + (members.size() > 10 ? " и другие" : ""), details, group, null);
    }

    private static String shorten(String text) {
        String single = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return single.length() <= 80 ? single : single.substring(0, 79) + "…";
    }
}
