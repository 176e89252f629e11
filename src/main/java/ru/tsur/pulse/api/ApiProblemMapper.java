package ru.tsur.pulse.api;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import ru.tsur.pulse.ingest.ProblemMapper;

/** Turns an {@link ApiProblem} into the same RFC 9457 answer the ingest API gives. */
public class ApiProblemMapper {

    @ServerExceptionMapper
    public Response map(ApiProblem problem) {
        return ProblemMapper.problem(problem.status(), problem.title(), problem.getMessage());
    }
}
