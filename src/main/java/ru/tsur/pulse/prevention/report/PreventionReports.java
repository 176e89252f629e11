package ru.tsur.pulse.prevention.report;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import ru.tsur.pulse.access.Caller;
import ru.tsur.pulse.api.QueryParameters;
import ru.tsur.pulse.cases.CasesConfig;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.prevention.ChronicPlaces;
import ru.tsur.pulse.prevention.PreventionRepository;
import ru.tsur.pulse.prevention.incidents.IncidentRepository;
import ru.tsur.pulse.prevention.measures.MeasureEffects;
import ru.tsur.pulse.problems.Problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds prevention reports for the page, the CSV and the PDF alike: reads the query ({@code municipality},
 * {@code from}, {@code to} — calendar days of the region, both included; default the last
 * {@value ReportPeriod#DEFAULT_DAYS} days), checks the caller may see it (a municipal official its own
 * municipalities only: another one is 403, none means all of its own), reads PostgreSQL and builds the report
 * on a worker (the register and the trend are CPU work proportional to the messages read).
 */
@ApplicationScoped
public class PreventionReports {

    /** The most measures the report lists. */
    static final int MEASURES = 100;

    /** What a report is asked for, checked. */
    public record Request(String municipality, ReportPeriod period) {
    }

    private final PreventionRepository places;
    private final ReportRepository repository;
    private final IncidentRepository incidents;
    private final MeasureEffects measures;
    private final Clock clock;
    private final ZoneId zone;
    private final String regionName;
    private final Map<String, String> municipalityNames;
    private final PreventionReportBuilder builder;

    public PreventionReports(PreventionRepository places, ReportRepository repository, IncidentRepository incidents,
                             MeasureEffects measures, Region region, CasesConfig cases, Clock clock) {
        this.places = places;
        this.incidents = incidents;
        this.measures = measures;
        this.repository = repository;
        this.clock = clock;
        this.zone = ZoneId.of(region.timeZone());
        this.regionName = region.name();
        this.municipalityNames = region.municipalityNames();
        Map<String, String> categoryNames = region.categoryNames();
        this.builder = new PreventionReportBuilder(new ChronicPlaces(ChronicPlaces.Settings.defaults()),
                new PreventionReportBuilder.Names(municipalityNames, categoryNames), cases.scorecardPriorWeight());
    }

    /** The region's time zone, in which the report's days and times are written. */
    public ZoneId zone() {
        return zone;
    }

    /** The municipalities a caller may choose, id → name, in the region's order. */
    public Map<String, String> choices(Caller caller) {
        Map<String, String> choices = new LinkedHashMap<>();
        municipalityNames.forEach((id, name) -> {
            if (caller.sees(id)) {
                choices.put(id, name);
            }
        });
        return choices;
    }

    /** Whether the caller may ask for the whole region (not a municipal official). */
    public boolean seesRegion(Caller caller) {
        return caller.municipalityScope().isEmpty();
    }

    /** The query checked: a 400 naming every bad parameter, a 403 for a municipality the caller may not see. */
    public Request request(String municipality, String from, String to, Caller caller) {
        QueryParameters parameters = new QueryParameters();
        String chosen = parameters.text("municipality", municipality, QueryParameters.MAX_TEXT_LENGTH);
        if (chosen != null && !municipalityNames.containsKey(chosen)) {
            parameters.invalid("municipality", "неизвестный идентификатор; идентификаторы — в GET /api/v1/region");
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate last = day(parameters, "to", to, today);
        LocalDate first = day(parameters, "from", from, (last == null ? today : last).minusDays(ReportPeriod.DEFAULT_DAYS - 1));
        if (first == null || last == null) {
            parameters.check();
        } else if (first.isAfter(last)) {
            parameters.invalid("from", "начало периода позже его конца");
        } else if (first.plusDays(ReportPeriod.MAX_DAYS - 1).isBefore(last)) {
            parameters.invalid("to", "период не длиннее " + ReportPeriod.MAX_DAYS + " дней");
        }
        parameters.check();
        if (chosen != null && !caller.sees(chosen)) {
            throw Problem.forbidden("Отчёт доступен только по вашим муниципалитетам");
        }
        return new Request(chosen, new ReportPeriod(first, last, zone));
    }

    /** A calendar day yyyy-mm-dd between 2000 and 9999, the fallback when absent, null (an error recorded) when unreadable. */
    private static LocalDate day(QueryParameters parameters, String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() >= 2000 && day.getYear() <= 9999) {
                return day;
            }
        } catch (DateTimeParseException notADay) {
            // reported below, like a day out of range
        }
        parameters.invalid(name, "дата в виде ГГГГ-ММ-ДД между 2000 и 9999 годом, например 2026-11-30");
        return null;
    }

    /** The report the checked request asks for, as the caller may see it. */
    public Uni<PreventionReport> build(Request request, Caller caller) {
        Set<String> municipalities = request.municipality() != null ? Set.of(request.municipality())
                : caller.municipalityScope().orElse(null);
        String scope = scope(request.municipality(), municipalities);
        ReportPeriod period = request.period();
        Instant now = clock.instant();
        Instant asOf = PreventionReportBuilder.registerTime(period, now);
        PreventionRepository.Filter filter = new PreventionRepository.Filter(municipalities, null, null);
        return Uni.combine().all().unis(
                        places.placeMessages(asOf.minus(Duration.ofDays(ChronicPlaces.WINDOW_DAYS)), asOf, filter),
                        repository.weekCounts(period, municipalities),
                        repository.executorTallies(period, municipalities),
                        incidents.beganBetween(period.start(), period.end(), municipalities),
                        measures.list(municipalities, null, null,
                                period.start().minus(Duration.ofDays(MeasuresSection.EARLIER_DAYS)), period.end(), MEASURES))
                .asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> builder.build(scope, request.municipality(), period, now, read.getItem1(), read.getItem2(),
                        read.getItem3(), read.getItem4(), read.getItem5()));
    }

    private String scope(String municipality, Set<String> municipalities) {
        if (municipality != null) {
            return municipalityNames.get(municipality);
        }
        if (municipalities == null) {
            return "весь регион (" + regionName + ")";
        }
        List<String> names = new TreeSet<>(municipalities).stream().map(id -> municipalityNames.getOrDefault(id, id)).toList();
        return String.join(", ", names);
    }
}
