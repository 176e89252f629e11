package ru.tsur.pulse.metrics;

import jakarta.annotation.security.RolesAllowed;
import ru.tsur.pulse.access.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import ru.tsur.pulse.api.ApiDocument;
import ru.tsur.pulse.counters.CounterService;
import ru.tsur.pulse.counters.CounterStore;
import ru.tsur.pulse.counters.Window;
import ru.tsur.pulse.counters.WindowCounts;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.CountedCell;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.prevention.forecast.ForecastService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static ru.tsur.pulse.metrics.PrometheusText.labels;

/**
 * {@code GET /api/v1/metrics/municipalities}: the municipality-level business figures in Prometheus text
 * format, for a scrape job of their own. They are region-wide facts read from the shared Redis view, so
 * every replica would report the same numbers: in {@code /q/metrics} they would be multiplied by the
 * replica count in every sum and add thousands of series to each pod's scrape. Here one target (the
 * Service) is scraped once, at a slower interval, and an outage of this job never hides the service's own
 * health metrics. See the README, «Operations». The week ahead per municipality
 * ({@code pulse_municipality_forecast_messages}) is here for the same reasons, from the forecast the service
 * makes every {@code pulse.forecast.refresh} ({@link ForecastService#figures}). While Redis is unavailable the failure reaches
 * {@code ProblemMapper}: 503 with Retry-After, as problem+json.
 */
@Path("/api/v1/metrics/municipalities")
@RolesAllowed(Roles.METRICS)
public class MunicipalityMetricsResource {

    private final CounterStore store;
    private final CounterService counters;
    private final Region region;
    private final Clock clock;
    private final ForecastService forecast;

    public MunicipalityMetricsResource(CounterStore store, CounterService counters, Region region, Clock clock,
                                       ForecastService forecast) {
        this.forecast = forecast;
        this.store = store;
        this.counters = counters;
        this.region = region;
        this.clock = clock;
    }

    @GET
    @Produces(PrometheusText.CONTENT_TYPE)
    @Operation(summary = "Municipality × category message counts (Prometheus text format)",
            description = "Rolling windows 1h/24h/7d and all-time totals from the Redis view; 503 while Redis is unavailable")
    @APIResponse(responseCode = "200", description = "Prometheus text exposition format",
            content = @Content(mediaType = PrometheusText.CONTENT_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    public Uni<Response> scrape() {
        List<String> ids = counters.municipalityIds();
        return store.readWindows(ids, clock.instant())
                .chain(windows -> store.totals(ids).map(totals -> render(windows, totals)))
                .map(text -> Response.ok(text, PrometheusText.CONTENT_TYPE).build());
    }

    /** The exposition text for the given windows and totals (non-zero cells only, sorted for stable output). */
    String render(List<WindowCounts> windows, List<CountedCell> totals) {
        PrometheusText text = new PrometheusText();
        text.family("pulse_municipality_info", "gauge",
                "A municipality of the region pack (always 1); joins ids to names and districts");
        List<Municipality> municipalities = new ArrayList<>(region.municipalities());
        municipalities.add(Municipality.unknown());
        for (Municipality municipality : municipalities) {
            text.sample("pulse_municipality_info", labels("region", region.id(), "municipality", municipality.id(),
                    "name", municipality.name(), "district", municipality.district()), 1);
        }
        text.family("pulse_category_info", "gauge", "A category of the region's taxonomy (always 1); joins ids to names");
        for (Category category : region.categories()) {
            text.sample("pulse_category_info", labels("region", region.id(), "category", category.id(),
                    "name", category.name()), 1);
        }
        text.family("pulse_municipality_window_messages", "gauge",
                "Messages in a rolling window (by createdAt) per municipality and category");
        List<WindowCounts> sorted = windows.stream().sorted(Comparator.comparing(WindowCounts::municipalityId)).toList();
        for (Window window : Window.values()) {
            for (WindowCounts counts : sorted) {
                counts.in(window).entrySet().stream().filter(cell -> cell.getValue() > 0)
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(cell -> text.sample("pulse_municipality_window_messages",
                                labels("region", region.id(), "municipality", counts.municipalityId(),
                                        "category", cell.getKey(), "window", window.label()), cell.getValue()));
            }
        }
        text.family("pulse_municipality_messages_total", "counter",
                "Messages counted per municipality and category since the view began (rebuilt from PostgreSQL)");
        totals.stream().filter(cell -> cell.count() > 0)
                .sorted(Comparator.comparing(CountedCell::municipalityId).thenComparing(CountedCell::categoryId))
                .forEach(cell -> text.sample("pulse_municipality_messages_total", labels("region", region.id(),
                        "municipality", cell.municipalityId(), "category", cell.categoryId()), cell.count()));
        forecast.figures().ifPresent(figures -> {
            text.family("pulse_municipality_forecast_messages", "gauge",
                    "Messages a municipality is expected to get in the next 7 days over all categories (bound: expected;"
                            + " low and high of the 80% interval), the week-ahead forecast made every pulse.forecast.refresh");
            figures.municipalities().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                for (String bound : new String[]{"expected", "low", "high"}) {
                    double value = switch (bound) {
                        case "expected" -> entry.getValue().week().expected();
                        case "low" -> entry.getValue().week().low();
                        default -> entry.getValue().week().high();
                    };
                    text.sample("pulse_municipality_forecast_messages", labels("region", region.id(),
                            "municipality", entry.getKey(), "bound", bound), value);
                }
            });
        });
        return text.toString();
    }
}
