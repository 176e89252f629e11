package ru.tsur.pulse.prevention.forecast;

import jakarta.annotation.security.RolesAllowed;
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
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.access.CurrentCaller;
import ru.tsur.pulse.access.Roles;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.prevention.forecast.api.AreaWeekAhead;
import ru.tsur.pulse.prevention.forecast.api.CategoryWeekAhead;
import ru.tsur.pulse.prevention.forecast.api.DayWeekAhead;
import ru.tsur.pulse.prevention.forecast.api.SeriesWeekAhead;
import ru.tsur.pulse.prevention.forecast.api.WeekAheadForecast;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.tension.SeriesKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code GET /api/v1/prevention/forecast?municipality=&category=&order=&limit=}: the week ahead per
 * municipality × category ({@link ForecastService}: {@link WeekAhead} off the live tension detector, from
 * tomorrow), with the totals per municipality and per category. Made afresh per request, for the series the
 * request covers only, under the detector's lock: a blocking endpoint, so it runs on a worker, never on the
 * event loop. A municipal official reads its own municipalities only (all of them by default; another one is
 * 403). Bad parameters are a 400 naming each one; before the baselines are warm a 503 with Retry-After.
 *
 * <p><b>Order.</b> {@code expected} (default): the most messages expected first — where the week's work will
 * be, and the figure with the smallest relative error. {@code rise}: the most messages above the last 7 days
 * first — what the wall lists as "expected to rise". The rise is a difference, not a ratio: a ratio puts the
 * quiet series first (one message last week, three expected is "3×" and means nothing), a difference in
 * messages is what a control room has to absorb.
 */
@Path("/api/v1/prevention/forecast")
@RolesAllowed({Roles.WALL, Roles.OPERATOR, Roles.OFFICIAL, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", ref = ApiDocument.INVALID_INPUT)
@APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
public class ForecastResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 200;
    private static final String REGION_IDS = "неизвестный идентификатор; идентификаторы — в GET /api/v1/region";
    private static final List<String> ORDERS = List.of("expected", "rise");

    private final ForecastService forecast;
    private final CurrentCaller caller;
    private final Map<String, String> municipalityNames;
    private final Map<String, String> categoryNames;

    public ForecastResource(ForecastService forecast, Region region, CurrentCaller caller) {
        this.forecast = forecast;
        this.caller = caller;
        this.municipalityNames = region.municipalityNames();
        this.categoryNames = region.categoryNames();
    }

    @GET
    @Operation(summary = "The week ahead: messages expected per municipality × category in the next 7 days, with 80% intervals, the last 7 days beside them, and totals per municipality and category")
    @APIResponse(responseCode = "200", description = "The forecast", content = @Content(schema = @Schema(implementation = WeekAheadForecast.class)))
    public WeekAheadForecast forecast(@Parameter(description = "A municipality id; none = all (an official's own)") @QueryParam("municipality") String municipality,
                                      @Parameter(description = "A category id; none = all") @QueryParam("category") String category,
                                      @Parameter(description = "expected (default: most expected first) or rise (most above the last 7 days first)")
                                      @QueryParam("order") String order,
                                      @Parameter(description = "1 to 200, default 20", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                                      @QueryParam("limit") String limit) {
        QueryParameters parameters = new QueryParameters();
        String chosenMunicipality = parameters.text("municipality", municipality, QueryParameters.MAX_TEXT_LENGTH);
        String chosenCategory = parameters.text("category", category, QueryParameters.MAX_TEXT_LENGTH);
        String chosenOrder = parameters.oneOf("order", order, "expected", ORDERS);
        int count = parameters.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (chosenMunicipality != null && !municipalityNames.containsKey(chosenMunicipality)) {
            parameters.invalid("municipality", REGION_IDS);
        }
        if (chosenCategory != null && !categoryNames.containsKey(chosenCategory)) {
            parameters.invalid("category", REGION_IDS);
        }
        parameters.check();
        Caller who = caller.get();
        if (chosenMunicipality != null && !who.sees(chosenMunicipality)) {
            throw Problem.forbidden("Прогноз доступен только по вашим муниципалитетам");
        }
        Set<String> covered = chosenMunicipality != null ? Set.of(chosenMunicipality) : who.municipalityScope().orElse(null);
        Predicate<SeriesKey> picked = key -> (covered == null || covered.contains(key.municipality()))
                && (chosenCategory == null || chosenCategory.equals(key.category()));
        boolean wholeRegion = covered == null;
        ForecastService.Week week = forecast.week(picked, wholeRegion).orElseThrow(() ->
                Problem.unavailable("Детектор напряжённости ещё читает историю; прогноз будет чуть позже", 5));

        List<ForecastService.Series> ranked = new ArrayList<>(week.series());
        ranked.sort(order(chosenOrder));
        List<SeriesWeekAhead> series = ranked.stream().limit(count).map(this::series).toList();
        return new WeekAheadForecast(week.computedAt(), week.firstDay(), week.firstDay().plusDays(WeekAhead.DAYS - 1),
                forecast.zone().getId(), forecast.coverage(), week.learningDaysLeft() > 0,
                week.learningDaysLeft() > 0 ? week.learningDaysLeft() : null, chosenMunicipality, chosenCategory,
                chosenOrder, count, ranked.size(), series, municipalities(week), wholeRegion ? "region" : "municipalities",
                categories(week, wholeRegion, chosenCategory));
    }

    /** Most expected (or most above the last 7 days) first; ties by municipality, then category. */
    static Comparator<ForecastService.Series> order(String order) {
        Comparator<ForecastService.Series> first = "rise".equals(order)
                ? Comparator.comparingDouble((ForecastService.Series one) -> one.forecast().expected() - one.lastWeek()).reversed()
                : Comparator.comparingDouble((ForecastService.Series one) -> one.forecast().expected()).reversed();
        return first.thenComparing(one -> one.forecast().key().municipality())
                .thenComparing(one -> one.forecast().key().category());
    }

    private SeriesWeekAhead series(ForecastService.Series one) {
        WeekAhead.SeriesForecast week = one.forecast();
        SeriesKey key = week.key();
        List<DayWeekAhead> days = week.days().stream()
                .map(day -> new DayWeekAhead(day.day(), round(day.expected()), day.median(), day.low(), day.high())).toList();
        return new SeriesWeekAhead(key.municipality(), municipalityNames.getOrDefault(key.municipality(), key.municipality()),
                key.category(), categoryNames.getOrDefault(key.category(), key.category()), round(week.expected()),
                week.median(), week.low(), week.high(), one.lastWeek(), round(week.expected() - one.lastWeek()), days);
    }

    /** Per municipality, its covered categories summed; most expected first. */
    private List<AreaWeekAhead> municipalities(ForecastService.Week week) {
        Map<String, List<ForecastService.Series>> byMunicipality = new HashMap<>();
        for (ForecastService.Series one : week.series()) {
            byMunicipality.computeIfAbsent(one.forecast().key().municipality(), ignored -> new ArrayList<>()).add(one);
        }
        List<AreaWeekAhead> areas = new ArrayList<>();
        byMunicipality.forEach((municipality, list) -> {
            ForecastService.Total total = ForecastService.sum(list, forecast.coverage());
            areas.add(new AreaWeekAhead(municipality, municipalityNames.getOrDefault(municipality, municipality),
                    round(total.week().expected()), total.week().median(), total.week().low(), total.week().high(),
                    total.lastWeek()));
        });
        areas.sort(Comparator.comparingDouble(AreaWeekAhead::expected).reversed().thenComparing(AreaWeekAhead::municipality));
        return areas;
    }

    /**
     * Per category: the region's own series over the whole region (its level drift carries what moves all
     * municipalities at once), else the covered municipalities' series summed; most expected first.
     */
    private List<CategoryWeekAhead> categories(ForecastService.Week week, boolean wholeRegion, String category) {
        Map<String, ForecastService.Total> totals = new HashMap<>();
        if (wholeRegion) {
            week.regionCategories().forEach((id, series) -> {
                if (category == null || category.equals(id)) {
                    totals.put(id, new ForecastService.Total(WeekTotal.of(series.forecast()), series.lastWeek()));
                }
            });
        } else {
            Map<String, List<ForecastService.Series>> byCategory = new HashMap<>();
            for (ForecastService.Series one : week.series()) {
                byCategory.computeIfAbsent(one.forecast().key().category(), ignored -> new ArrayList<>()).add(one);
            }
            byCategory.forEach((id, list) -> totals.put(id, ForecastService.sum(list, forecast.coverage())));
        }
        List<CategoryWeekAhead> categories = new ArrayList<>();
        totals.forEach((id, total) -> categories.add(new CategoryWeekAhead(id, categoryNames.getOrDefault(id, id),
                round(total.week().expected()), total.week().median(), total.week().low(), total.week().high(),
                total.lastWeek())));
        categories.sort(Comparator.comparingDouble(CategoryWeekAhead::expected).reversed().thenComparing(CategoryWeekAhead::category));
        return categories;
    }

    /** Three decimals. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
