package ru.tsur.pulse.tension;

import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.tension.api.Dynamics;
import ru.tsur.pulse.tension.api.DynamicsPoint;
import ru.tsur.pulse.tension.api.TensionPoint;
import ru.tsur.pulse.tension.api.TensionPoints;
import ru.tsur.pulse.tension.api.TopicFigures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tension APIs: {@code GET /api/v1/tension-points?window=1h|24h|7d&limit=10} (the series with the
 * highest scores in the window, explained) and {@code GET /api/v1/dynamics?municipality=&category=&topic=
 * &from=&to=&step=1h} (a series with its baseline, for sparklines). Both read the detector in memory (its
 * series are rebuilt from PostgreSQL at startup and re-counted every tick), on a worker thread. Bad
 * parameters are a 400 naming each one; before the baselines are warm (also while PostgreSQL is down at
 * startup), 503 with Retry-After.
 */
@Path("/api/v1")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class TensionResource {

    private static final Map<String, Duration> WINDOWS = Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7));
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_POINTS = 5000;
    private static final double UPPER_QUANTILE_TAIL = 0.01;
    private static final String REGION_IDS = "неизвестный идентификатор; идентификаторы — в GET /api/v1/region";

    private final CurrentCaller caller;
    private final TensionService tension;
    private final Region region;
    private final Clock clock;
    private final Map<String, String> municipalityNames;
    private final Map<String, String> categoryNames;

    public TensionResource(TensionService tension, Region region, Clock clock, CurrentCaller caller) {
        this.caller = caller;
        this.tension = tension;
        this.region = region;
        this.clock = clock;
        this.municipalityNames = region.municipalityNames();
        this.categoryNames = region.categoryNames();
    }

    @GET
    @Path("/tension-points")
    @Operation(summary = "Top tension points in a window: score, observed vs expected, trend, since, driving topics, alert")
    @APIResponse(responseCode = "200", description = "The points", content = @Content(schema = @Schema(implementation = TensionPoints.class)))
    public TensionPoints points(@Parameter(description = "1h, 24h (default) or 7d") @QueryParam("window") String window,
                                @Parameter(description = "1 to 100, default 10", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "10"))
                                @QueryParam("limit") String limit) {
        QueryParameters parameters = new QueryParameters();
        String label = parameters.oneOf("window", window, "24h", List.of("1h", "24h", "7d"));
        int count = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        parameters.check();
        requireWarm();
        int buckets = (int) Math.max(1, WINDOWS.get(label).toSeconds() / tension.settings().bucketSeconds());
        Caller who = caller.get();
        // A municipal official's list holds its municipalities' points only: rank all, then keep its own.
        int ranked = who.municipalityScope().isPresent() ? MAX_LIMIT * 10 : count;
        List<TensionPoint> points = tension.read(detector -> topPoints(detector, buckets, ranked), List.<TensionPoint>of())
                .stream().filter(point -> who.sees(point.municipality())).limit(count).toList();
        return new TensionPoints(label, clock.instant(), points);
    }

    private List<TensionPoint> topPoints(TensionDetector detector, int buckets, int limit) {
        long from = detector.openBucket() - buckets + 1;
        // A series with score 0 is not a tension point, however many messages it had.
        List<TensionDetector.SeriesScore> ranked = new ArrayList<>(detector.scoresOver(buckets).stream()
                .filter(point -> point.score() > 0).toList());
        int learningDays = detector.learningDaysLeft();
        ranked.sort(Comparator.comparingInt(TensionDetector.SeriesScore::score).reversed()
                .thenComparing(Comparator.comparingDouble((TensionDetector.SeriesScore point) ->
                        point.observed() - point.expected()).reversed())
                .thenComparing(point -> point.key().toString()));
        List<TensionPoint> points = new ArrayList<>();
        for (TensionDetector.SeriesScore scored : ranked.subList(0, Math.min(limit, ranked.size()))) {
            SeriesKey key = scored.key();
            var alert = detector.alertOf(key).filter(view -> view.firing() || !view.end().isBefore(detector.start(from)));
            List<TopicFigures> topics = new ArrayList<>();
            for (TensionAlertView.TopicExcess topic : detector.topicsOf(key, from, detector.openBucket(), 3)) {
                topics.add(new TopicFigures(topic.topic(), topic.observed(), TensionAlertText.round(topic.expected())));
            }
            points.add(new TensionPoint(key.municipality(),
                    key.regionWide() ? region.name() : municipalityNames.getOrDefault(key.municipality(), key.municipality()),
                    key.category(), categoryNames.getOrDefault(key.category(), key.category()), key.topic(),
                    scored.score(), scored.observed(), TensionAlertText.round(scored.expected()),
                    detector.trend(key, Math.max(1, Math.min(3, buckets))).name().toLowerCase(Locale.ROOT),
                    alert.map(TensionAlertView::start).orElse(null), topics,
                    alert.filter(TensionAlertView::firing).map(view -> TensionAlertPublisher.alertId(key)).orElse(null),
                    learningDays == 0 ? null : learningDays));
        }
        return points;
    }

    @GET
    @Path("/dynamics")
    @Operation(summary = "A series (municipality or region-wide, optionally one category and topic) with its baseline")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = Dynamics.class)))
    public Dynamics dynamics(@Parameter(description = "A municipality id; none = region-wide") @QueryParam("municipality") String municipality,
                             @Parameter(description = "A category id; none = all categories") @QueryParam("category") String category,
                             @Parameter(description = "One topic (at most 200 characters)") @QueryParam("topic") String topic,
                             @Parameter(description = "ISO-8601 with offset; default 24 h before to") @QueryParam("from") String fromText,
                             @Parameter(description = "ISO-8601 with offset; default now") @QueryParam("to") String toText,
                             @Parameter(description = "1h (default), 15m, 1d or ISO-8601 (PT1H): a whole number of buckets") @QueryParam("step") String stepText) {
        QueryParameters parameters = new QueryParameters();
        String chosenMunicipality = parameters.text("municipality", municipality, QueryParameters.MAX_TEXT_LENGTH);
        String chosenCategory = parameters.text("category", category, QueryParameters.MAX_TEXT_LENGTH);
        String chosenTopic = parameters.text("topic", topic, QueryParameters.MAX_TEXT_LENGTH);
        if (chosenMunicipality != null && !municipalityNames.containsKey(chosenMunicipality)) {
            parameters.invalid("municipality", REGION_IDS);
        }
        if (chosenMunicipality == null ? caller.get().municipalityScope().isPresent() : !caller.get().sees(chosenMunicipality)) {
            throw Problem.forbidden("Динамика доступна только по вашим муниципалитетам: укажите municipality");
        }
        if (chosenCategory != null && !categoryNames.containsKey(chosenCategory)) {
            parameters.invalid("category", REGION_IDS);
        }
        Instant to = parameters.instant("to", toText, clock.instant());
        Instant from = parameters.instant("from", fromText, to.minus(Duration.ofHours(24)));
        long bucketSeconds = tension.settings().bucketSeconds();
        Duration step = parseStep(stepText, bucketSeconds);
        if (step == null) {
            parameters.invalid("step", "целое число интервалов по " + Duration.ofSeconds(bucketSeconds)
                    + ", например 1h или PT1H");
        } else if (!from.isBefore(to)) {
            parameters.invalid("from", "раньше, чем to");
        } else if (Duration.between(from, to).toSeconds() / step.toSeconds() > MAX_POINTS) {
            parameters.invalid("step", "от from до to не больше " + MAX_POINTS + " шагов; возьмите шаг длиннее");
        }
        parameters.check();
        requireWarm();
        TensionDetector.SeriesFilter filter = new TensionDetector.SeriesFilter(chosenMunicipality, chosenCategory, chosenTopic);
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
        List<DynamicsPoint> points = new ArrayList<>();
        steps.forEach((index, sums) -> points.add(new DynamicsPoint(Instant.ofEpochSecond(index * stepBuckets * bucketSeconds),
                (long) sums[0], TensionAlertText.round(sums[1]), upper(sums[1], dispersion))));
        return new Dynamics(chosenMunicipality, chosenCategory, chosenTopic, step.toString(), points);
    }

    /** The count a single series would exceed with probability at most 1% (the band's upper edge). */
    static long upper(double expected, double dispersion) {
        long count = (long) Math.floor(expected);
        while (CountTail.negativeBinomial(count + 1, expected, dispersion) > UPPER_QUANTILE_TAIL) {
            count++;
        }
        return count;
    }

    /** {@code 1h}, {@code 15m}, {@code 1d} or ISO-8601 ({@code PT1H}), a whole number of buckets; null if not. */
    private static Duration parseStep(String text, long bucketSeconds) {
        String trimmed = text == null || text.isBlank() ? "1h" : text.strip();
        Duration step;
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
            return null;
        }
        return step.toSeconds() < bucketSeconds || step.toSeconds() % bucketSeconds != 0 ? null : step;
    }

    private void requireWarm() {
        if (!tension.ready()) {
            throw Problem.unavailable("Детектор напряжённости ещё читает историю; повторите запрос чуть позже", 5);
        }
    }
}
