package ru.tsur.pulse.config;

import io.quarkus.runtime.annotations.RegisterForReflection;
import ru.tsur.pulse.alerts.Alert;
import ru.tsur.pulse.alerts.AlertEvent;
import ru.tsur.pulse.cases.CaseRepository;
import ru.tsur.pulse.cases.ProblemCase;
import ru.tsur.pulse.cases.Scorecard;
import ru.tsur.pulse.cases.api.ExecutorDeadlines;
import ru.tsur.pulse.counters.CounterService;
import ru.tsur.pulse.messages.RecentMessage;
import ru.tsur.pulse.heatmap.api.HeatmapCell;
import ru.tsur.pulse.heatmap.api.HeatmapSnapshot;
import ru.tsur.pulse.heatmap.api.MunicipalityScore;

/**
 * The service's own types that Jackson serialises reflectively without Quarkus seeing them as a resource
 * method's declared return type (they travel inside a {@code Response}, a map or a WebSocket frame written
 * with the ObjectMapper), registered so a native image can serialise them. Everything else the service
 * writes is a {@code Map}, a {@code JsonNode} or a declared return type — the request and response records
 * of the features' {@code api} packages — registered by Quarkus REST itself; the types listed here also travel
 * inside those records, listed so a native image never depends on how deep Quarkus looks.
 */
@RegisterForReflection(targets = {CounterService.RebuildReport.class, Alert.class, RecentMessage.class,
        ProblemCase.class, CaseRepository.CaseMessage.class, CaseRepository.CaseEvent.class,
        ExecutorDeadlines.class, Scorecard.Row.class, AlertEvent.class, HeatmapSnapshot.class, HeatmapCell.class,
        MunicipalityScore.class})
final class NativeReflection {

    private NativeReflection() {
    }
}
