package ru.tsur.pulse.tension;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.problems.ProblemMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tension APIs: {@code GET /api/v1/tension-points?window=1h|24h|7d&limit=10} (the series with the
 * highest scores in the window, explained) and {@code GET /api/v1/dynamics?municipality=&category=&topic=
 * &from=&to=&step=1h} (a series with its baseline, for sparklines). Bad parameters get problem+json;
 * before the baselines are warm, 503.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class TensionResource {

    private static final Map<String, Duration> WINDOWS = Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7));
    private static final int MAX_LIMIT = 100;
    private static final int MAX_POINTS = 5000;
    private static final double UPPER_QUANTILE_TAIL = 0.01;

    private final TensionService tension;
    private final Region region;
    private final Map<String, String> municipalityNames;
    private final Map<String, String> categoryNames;

    public TensionResource(TensionService tension, Region region) {
        this.tension = tension;
        this.region = region;
        this.municipalityNames = region.municipalities().stream()
                .collect(Collectors.toMap(Municipality::id, Municipality::name, (left, right) -> left));
        this.categoryNames = region.categories().stream()
                .collect(Collectors.toMap(Category::id, Category::name, (left, right) -> left));
    }

    @GET
    @Path("/tension-points")
    @Operation(summary = "Top tension points in a window: score, observed vs expected, trend, since, driving topics, alert")
    public Response points(@QueryParam("window") @DefaultValue("24h") String window,
                           @QueryParam("limit") @DefaultValue("10") String limit) {
        Duration span = WINDOWS.get(window);
        if (span == null) {
            return ProblemMapper.response(Problem.invalid("window", "must be 1h, 24h or 7d"));
        }
        Integer count = parseLimit(limit);
        if (count == null) {
            return ProblemMapper.response(Problem.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        if (!tension.ready()) {
            return warmingUp();
        }
        int buckets = (int) Math.max(1, span.toSeconds() / tension.settings().bucketSeconds());
        List<Map<String, Object>> points = tension.read(detector -> topPoints(detector, buckets, count), List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("window", window);
        body.put("at", Instant.now().toString());
        body.put("points", points);
        return Response.ok(body).build();
    }

    private List<Map<String, Object>> topPoints(TensionDetector detector, int buckets, int limit) {
        long from = detector.openBucket() - buckets + 1;
        List<TensionDetector.SeriesScore> ranked = new ArrayList<>(detector.scoresOver(buckets));
        ranked.sort(Comparator.comparingInt(TensionDetector.SeriesScore::score).reversed()
                .thenComparing(Comparator.comparingDouble((TensionDetector.SeriesScore point) ->
                        point.observed() - point.expected()).reversed())
                .thenComparing(point -> point.key().toString()));
        List<Map<String, Object>> points = new ArrayList<>();
        for (TensionDetector.SeriesScore scored : ranked.subList(0, Math.min(limit, ranked.size()))) {
            SeriesKey key = scored.key();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("municipality", key.municipality());
            point.put("municipalityName", key.regionWide() ? region.name() : municipalityNames.getOrDefault(key.municipality(), key.municipality()));
            point.put("category", key.category());
            point.put("categoryName", categoryNames.getOrDefault(key.category(), key.category()));
            point.put("topic", key.topic());
            point.put("score", scored.score());
            point.put("observed", scored.observed());
            point.put("expected", TensionAlertText.round(scored.expected()));
            point.put("trend", detector.trend(key, Math.max(1, Math.min(3, buckets))).name().toLowerCase(Locale.ROOT));
            var alert = detector.alertOf(key).filter(view -> view.firing() || !view.end().isBefore(detector.start(from)));
            point.put("since", alert.map(view -> view.start().toString()).orElse(null));
            List<Map<String, Object>> topics = new ArrayList<>();
            for (TensionAlertView.TopicExcess topic : detector.topicsOf(key, from, detector.openBucket(), 3)) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("topic", topic.topic());
                item.put("observed", topic.observed());
                item.put("expected", TensionAlertText.round(topic.expected()));
                topics.add(item);
            }
            point.put("topics", topics);
            point.put("alertId", alert.filter(TensionAlertView::firing).map(view -> TensionAlertPublisher.alertId(key)).orElse(null));
            points.add(point);
        }
        return points;
    }

    @GET
    @Path("/dynamics")
    @Operation(summary = "A series (municipality or region-wide, optionally one category and topic) with its baseline")
    public Response dynamics(@QueryParam("municipality") String municipality, @QueryParam("category") String category,
                             @QueryParam("topic") String topic, @QueryParam("from") String fromText,
                             @QueryParam("to") String toText, @QueryParam("step") @DefaultValue("1h") String stepText) {
        List<String> problems = new ArrayList<>();
        municipality = blankToNull(municipality);
        category = blankToNull(category);
        topic = blankToNull(topic);
        if (municipality != null && !municipalityNames.containsKey(municipality)) {
            problems.add("unknown municipality '" + municipality + "' (ids as in GET /api/v1/region)");
        }
        if (category != null && !categoryNames.containsKey(category)) {
            problems.add("unknown category '" + category + "' (ids as in GET /api/v1/region)");
        }
        Instant to = toText == null || toText.isBlank() ? Instant.now() : parseInstant(toText, "to", problems);
        Instant from = fromText == null || fromText.isBlank() ? (to == null ? null : to.minus(Duration.ofHours(24)))
                : parseInstant(fromText, "from", problems);
        long bucketSeconds = tension.settings().bucketSeconds();
        Duration step = parseStep(stepText, bucketSeconds, problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add("from must be before to");
        }
        if (problems.isEmpty() && Duration.between(from, to).toSeconds() / step.toSeconds() > MAX_POINTS) {
            problems.add("from … to holds more than " + MAX_POINTS + " steps; use a longer step");
        }
        if (!problems.isEmpty()) {
            return ProblemMapper.response(Problem.invalid("request", String.join("; ", problems)));
        }
        if (!tension.ready()) {
            return warmingUp();
        }
        TensionDetector.SeriesFilter filter = new TensionDetector.SeriesFilter(municipality, category, topic);
        long stepBuckets = step.toSeconds() / bucketSeconds;
        long firstBucket = Math.floorDiv(from.getEpochSecond(), bucketSeconds);
        long lastBucket = Math.floorDiv(to.getEpochSecond() - 1, bucketSeconds);
        List<TensionDetector.BucketFigures> figures = tension.read(detector -> detector.figures(filter, firstBucket, lastBucket),
                List.of());
        double dispersion = tension.settings().dispersion();
        Map<Long, double[]> steps = new LinkedHashMap<>();
        for (TensionDetector.BucketFigures bucket : figures) {
            double[] sums = steps.computeIfAbsent(Math.floorDiv(bucket.bucket(), stepBuckets), ignored -> new double[2]);
            sums[0] += bucket.observed();
            sums[1] += bucket.expected();
        }
        List<Map<String, Object>> points = new ArrayList<>();
        steps.forEach((index, sums) -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("at", Instant.ofEpochSecond(index * stepBuckets * bucketSeconds).toString());
            point.put("observed", (long) sums[0]);
            point.put("expected", TensionAlertText.round(sums[1]));
            point.put("upper", (double) upper(sums[1], dispersion));
            points.add(point);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("municipality", municipality);
        body.put("category", category);
        body.put("topic", topic);
        body.put("step", step.toString());
        body.put("points", points);
        return Response.ok(body).build();
    }

    /** The count a single series would exceed with probability at most 1% (the band's upper edge). */
    static long upper(double expected, double dispersion) {
        long count = (long) Math.floor(expected);
        while (CountTail.negativeBinomial(count + 1, expected, dispersion) > UPPER_QUANTILE_TAIL) {
            count++;
        }
        return count;
    }

    private static Integer parseLimit(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            return value >= 1 && value <= MAX_LIMIT ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant parseInstant(String text, String name, List<String> problems) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an ISO-8601 time with an offset (2021-01-14T09:00:00+03:00), not '" + text + "'");
            return null;
        }
    }

    /** {@code 1h}, {@code 15m}, {@code 1d} or ISO-8601 ({@code PT1H}); a whole number of buckets. */
    private static Duration parseStep(String text, long bucketSeconds, List<String> problems) {
        Duration step = null;
        String trimmed = text.trim();
        try {
            if (trimmed.matches("\\d+[smhd]")) {
                long amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
                step = switch (trimmed.charAt(trimmed.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else {
                step = Duration.parse(trimmed);
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            // ArithmeticException: a number of days or hours too large for a Duration (400, not 500).
            step = null;
        }
        if (step == null || step.toSeconds() < bucketSeconds || step.toSeconds() % bucketSeconds != 0) {
            problems.add("step must be a whole number of buckets (" + Duration.ofSeconds(bucketSeconds)
                    + "), like 1h or PT1H, not '" + text + "'");
            return Duration.ofSeconds(bucketSeconds);
        }
        return step;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Response warmingUp() {
        return ProblemMapper.response(Problem.unavailable("Детектор напряжённости ещё читает историю; повторите запрос чуть позже", 5));
    }
}
