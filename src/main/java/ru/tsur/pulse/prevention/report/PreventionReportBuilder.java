package ru.tsur.pulse.prevention.report;

import ru.tsur.pulse.prevention.ChronicPlace;
import ru.tsur.pulse.prevention.ChronicPlaces;
import ru.tsur.pulse.prevention.PlaceMessage;

import ru.tsur.pulse.prevention.incidents.StoredIncident;
import ru.tsur.pulse.prevention.measures.MeasureResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link PreventionReport} from what the database gave: the messages of the 90 days before the
 * period's end (for the chronic-places register), the period's weekly case tallies, its executors'
 * resolutions, the incidents that began in it and the measures of it and the weeks before with their effects. Plain logic, no framework: the service's report and its tests build alike.
 */
public final class PreventionReportBuilder {

    /** Rows of the top chronic places. */
    public static final int TOP_PLACES = 10;
    /** Rows of the executors whose resolutions come back. */
    public static final int TOP_EXECUTORS = 10;

    /** Names for people: municipality id → name, category id → name. */
    public record Names(Map<String, String> municipalities, Map<String, String> categories) {
    }

    private final ChronicPlaces register;
    private final Names names;
    private final double priorWeight;

    /**
     * @param register    the chronic-places register, with the service's settings
     * @param names       the region's names
     * @param priorWeight the scorecards' prior weight in cases, for the executors' shrunk shares
     */
    public PreventionReportBuilder(ChronicPlaces register, Names names, double priorWeight) {
        this.register = register;
        this.names = names;
        this.priorWeight = priorWeight;
    }

    /**
     * The register's time for a period: its end, or now when the period runs into the future (today's
     * report: a place cannot have returned after now).
     */
    public static Instant registerTime(ReportPeriod period, Instant now) {
        return period.end().isAfter(now) ? now : period.end();
    }

    public PreventionReport build(String scope, String municipality, ReportPeriod period, Instant builtAt,
                                  Collection<PlaceMessage> messages, List<RepeatRateTrend.WeekCount> weeks,
                                  List<ExecutorReturns.Tally> resolutions, List<StoredIncident> incidents,
                                  List<MeasureResult> measures) {
        Instant asOf = registerTime(period, builtAt);
        List<ChronicPlace> rows = register.rank(messages, asOf);
        List<TopPlacesSection.Line> lines = new ArrayList<>();
        for (ChronicPlace row : rows.subList(0, Math.min(TOP_PLACES, rows.size()))) {
            lines.add(line(lines.size() + 1, row));
        }
        return new PreventionReport(scope, municipality, period, builtAt, new TopPlacesSection(asOf, rows.size(), lines),
                RepeatRateTrend.section(period, weeks), ExecutorReturns.section(resolutions, priorWeight, TOP_EXECUTORS),
                IncidentsSection.of(incidents, names.municipalities()), MeasuresSection.of(measures, names));
    }

    private TopPlacesSection.Line line(int rank, ChronicPlace row) {
        String municipality = row.municipality() == null ? null
                : names.municipalities().getOrDefault(row.municipality(), row.municipality());
        String topic = row.topic() != null ? row.topic() : names.categories().getOrDefault(row.category(), row.category());
        String executor = row.executors().isEmpty() ? null : row.executors().get(0).executor();
        return new TopPlacesSection.Line(rank, row.label(), municipality, topic, row.messages30(), row.messages90(),
                row.returns(), row.returnsAfterResolution(), row.medianDaysToReturn(), row.trend(), executor, row.score());
    }
}
