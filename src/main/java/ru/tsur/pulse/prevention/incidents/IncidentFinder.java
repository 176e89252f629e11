package ru.tsur.pulse.prevention.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds incidents with one root cause: messages of one topic from several distinct places (buildings, else
 * ~150 m cells) near each other in space and time — no hot water in twelve buildings of a block, one
 * substation; a street without lighting, one line.
 * <p>
 * Method, in two steps, per topic:
 * <ol>
 *   <li><b>Grouping</b>, density-based (DBSCAN in space × time): two messages are neighbours when their points
 *       are within {@code linkMetres} and their times within {@code linkHours}. A message is a core when its
 *       neighbourhood (itself included) holds at least {@code minPlaces} distinct places; a group is a set of
 *       cores connected through neighbourhoods, with the non-core neighbours of its cores. Counting distinct
 *       places rather than messages is what makes one building's many messages (its residents, or one
 *       resident writing again) not an incident; requiring cores is what stops a chain of scattered messages
 *       across a district from merging into one.</li>
 *   <li><b>Significance</b> from the topic's own background: the group's area is the circle around its centre
 *       with its radius (at least {@code linkMetres}), its time the span from its first to its last message (at
 *       least {@code linkHours}). The topic's messages inside that circle in the {@code backgroundDays} before
 *       the group began, plus one (a quiet area is not given a zero rate), scaled to the group's time, are
 *       the expected count μ; the p-value is the Poisson tail P(X ≥ k) for the k distinct places seen (places
 *       ≤ messages, so the test is conservative against the message-based background). A group is an incident
 *       when it has at least {@code minPlaces} places and p &lt; {@code alpha}. Before {@code backgroundDays}
 *       of history exist, the background is scaled from what there is.</li>
 * </ol>
 * Why not Kulldorff's space-time permutation scan: it needs no population, but its Monte Carlo significance
 * (999 permutations of the whole period's times, each rescanning every cylinder) costs seconds to minutes per
 * run, it conditions on the period's own margins (so a long outage in a quiet area dilutes itself), and it
 * tests one most likely cluster at a time; groups of places with a per-area Poisson tail are linear in the
 * messages of a topic, deterministic (no random draw), explain themselves (μ and k can be read out) and run
 * incrementally on a window of recent messages. What it gives up: the scan's correction for having looked
 * at many areas — {@code alpha} is set low (10⁻³) for that, and p-values are per group, not adjusted.
 * <p>
 * When an incident became significant ({@link Incident#detectedAt()}) is replayed over its own messages in
 * time order: the first message at which it had {@code minPlaces} places and p &lt; alpha. Stateless; batch:
 * {@link #find(List, Instant)} sees the messages before {@code now}.
 */
public final class IncidentFinder {

    /** Earth's mean radius in metres, for distances between points. */
    static final double EARTH_METRES = 6_371_000;

    /**
     * Settings.
     *
     * @param linkMetres     two messages farther apart are never neighbours (and the least radius of an area)
     * @param linkHours      two messages farther apart in time are never neighbours (and the least duration)
     * @param minPlaces      distinct places a core's neighbourhood and an incident need
     * @param alpha          an incident's p-value is below this
     * @param backgroundDays the days before a group whose messages of its topic give its expected count
     */
    public record Settings(double linkMetres, double linkHours, int minPlaces, double alpha, int backgroundDays) {

        public Settings {
            if (!(linkMetres > 0) || !(linkHours > 0) || minPlaces < 2 || !(alpha > 0 && alpha < 1) || backgroundDays < 1) {
                throw new IllegalArgumentException("Bad incident settings: " + linkMetres + " m, " + linkHours + " h, "
                        + minPlaces + " places, alpha " + alpha + ", " + backgroundDays + " days");
            }
        }

        /** 400 m, 12 hours, 3 places, alpha 0.001, 28 days. */
        public static Settings defaults() {
            return new Settings(400, 12, 3, 0.001, 28);
        }
    }

    private final Settings settings;

    public IncidentFinder(Settings settings) {
        this.settings = settings;
    }

    /** The incidents among the messages created before {@code now}, in order of start; history begins at the first. */
    public List<Incident> find(List<IncidentMessage> messages, Instant now) {
        return find(messages, now, null);
    }

    /**
     * The incidents among the messages created before {@code now}, in order of start, when observation began at
     * {@code observedSince} (null: at the first message given). The service passes the oldest message it keeps:
     * the messages it reads are the background topics' only, whose first may be far later than the region's.
     */
    public List<Incident> find(List<IncidentMessage> messages, Instant now, Instant observedSince) {
        Map<String, List<IncidentMessage>> byTopic = new LinkedHashMap<>();
        Instant historyStart = observedSince;
        for (IncidentMessage message : messages) {
            if (message.createdAt().isBefore(now)) {
                byTopic.computeIfAbsent(message.topic(), topic -> new ArrayList<>()).add(message);
                if (historyStart == null || message.createdAt().isBefore(historyStart)) {
                    historyStart = message.createdAt();
                }
            }
        }
        List<Incident> incidents = new ArrayList<>();
        for (List<IncidentMessage> topic : byTopic.values()) {
            topic.sort(Comparator.comparing(IncidentMessage::createdAt).thenComparing(IncidentMessage::id));
            for (List<IncidentMessage> group : groups(topic)) {
                Incident incident = judge(group, topic, historyStart);
                if (incident != null) {
                    incidents.add(incident);
                }
            }
        }
        incidents.sort(Comparator.comparing(Incident::start).thenComparing(Incident::topic));
        return incidents;
    }

    /** The density-based groups of one topic's messages (sorted by time), each in time order. */
    List<List<IncidentMessage>> groups(List<IncidentMessage> topic) {
        int size = topic.size();
        long linkMillis = (long) (settings.linkHours() * 3_600_000);
        List<List<Integer>> neighbours = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            neighbours.add(new ArrayList<>());
        }
        for (int i = 0; i < size; i++) {
            IncidentMessage a = topic.get(i);
            for (int j = i + 1; j < size; j++) {
                IncidentMessage b = topic.get(j);
                if (Duration.between(a.createdAt(), b.createdAt()).toMillis() > linkMillis) {
                    break;
                }
                if (metres(a.latitude(), a.longitude(), b.latitude(), b.longitude()) <= settings.linkMetres()) {
                    neighbours.get(i).add(j);
                    neighbours.get(j).add(i);
                }
            }
        }
        boolean[] core = new boolean[size];
        for (int i = 0; i < size; i++) {
            Set<String> places = new HashSet<>();
            places.add(topic.get(i).place().key());
            for (int j : neighbours.get(i)) {
                places.add(topic.get(j).place().key());
            }
            core[i] = places.size() >= settings.minPlaces();
        }
        int[] group = new int[size];
        Arrays.fill(group, -1);
        List<List<IncidentMessage>> groups = new ArrayList<>();
        for (int seed = 0; seed < size; seed++) {
            if (!core[seed] || group[seed] >= 0) {
                continue;
            }
            int label = groups.size();
            List<Integer> members = new ArrayList<>();
            List<Integer> stack = new ArrayList<>(List.of(seed));
            group[seed] = label;
            while (!stack.isEmpty()) {
                int current = stack.remove(stack.size() - 1);
                members.add(current);
                if (!core[current]) {
                    continue;
                }
                for (int next : neighbours.get(current)) {
                    if (group[next] < 0) {
                        group[next] = label;
                        stack.add(next);
                    }
                }
            }
            members.sort(null);
            groups.add(members.stream().map(topic::get).toList());
        }
        return groups;
    }

    /** The incident a group is, or null when it is not significant. */
    private Incident judge(List<IncidentMessage> group, List<IncidentMessage> topic, Instant historyStart) {
        Incident whole = test(group, topic, historyStart, null);
        if (whole == null) {
            return null;
        }
        for (int end = settings.minPlaces(); end <= group.size(); end++) {
            List<IncidentMessage> prefix = group.subList(0, end);
            if (test(prefix, topic, historyStart, null) != null) {
                return test(group, topic, historyStart, prefix.get(end - 1).createdAt());
            }
        }
        return test(group, topic, historyStart, group.get(group.size() - 1).createdAt());
    }

    /** The incident of these messages (in time order) if significant, else null. */
    private Incident test(List<IncidentMessage> messages, List<IncidentMessage> topic, Instant historyStart,
                          Instant detectedAt) {
        Set<String> places = new LinkedHashSet<>();
        double latitude = 0;
        double longitude = 0;
        for (IncidentMessage message : messages) {
            places.add(message.place().key());
            latitude += message.latitude();
            longitude += message.longitude();
        }
        if (places.size() < settings.minPlaces()) {
            return null;
        }
        latitude /= messages.size();
        longitude /= messages.size();
        double radius = settings.linkMetres();
        for (IncidentMessage message : messages) {
            radius = Math.max(radius, metres(latitude, longitude, message.latitude(), message.longitude()));
        }
        Instant start = messages.get(0).createdAt();
        Instant end = messages.get(messages.size() - 1).createdAt();
        double hours = Math.max(settings.linkHours(), Duration.between(start, end).toMillis() / 3_600_000.0);
        Instant backgroundStart = start.minus(Duration.ofDays(settings.backgroundDays()));
        if (backgroundStart.isBefore(historyStart)) {
            backgroundStart = historyStart;
        }
        double backgroundHours = Math.max(settings.linkHours(),
                Duration.between(backgroundStart, start).toMillis() / 3_600_000.0);
        int background = 0;
        for (IncidentMessage message : topic) {
            if (!message.createdAt().isBefore(start)) {
                break;
            }
            if (!message.createdAt().isBefore(backgroundStart)
                    && metres(latitude, longitude, message.latitude(), message.longitude()) <= radius) {
                background++;
            }
        }
        double expected = (background + 1) * hours / backgroundHours;
        double pValue = poissonUpperTail(places.size(), expected);
        if (!(pValue < settings.alpha())) {
            return null;
        }
        IncidentMessage first = messages.get(0);
        return new Incident(start, end, latitude, longitude, radius, first.topic(), first.category(),
                new ArrayList<>(places), messages.stream().map(IncidentMessage::id).toList(), expected, pValue,
                detectedAt != null ? detectedAt : end, CauseClass.of(first.category(), first.topic()));
    }

    /** P(X ≥ k) for X Poisson with mean μ, summed from k upwards in log space (exact for small tails). */
    static double poissonUpperTail(int k, double mean) {
        if (k <= 0) {
            return 1;
        }
        if (mean <= 0) {
            return 0;
        }
        double logTerm = -mean + k * Math.log(mean) - logFactorial(k);
        double sum = 0;
        for (int i = k; i < k + 10_000; i++) {
            double term = Math.exp(logTerm);
            sum += term;
            if (i > mean && term < sum * 1e-15) {
                break;
            }
            logTerm += Math.log(mean) - Math.log(i + 1);
        }
        return Math.min(1, sum);
    }

    private static double logFactorial(int n) {
        double sum = 0;
        for (int i = 2; i <= n; i++) {
            sum += Math.log(i);
        }
        return sum;
    }

    /** Great-circle distance in metres (haversine). */
    static double metres(double latitude1, double longitude1, double latitude2, double longitude2) {
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(longitude2 - longitude1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
