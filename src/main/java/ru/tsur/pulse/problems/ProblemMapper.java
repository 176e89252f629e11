package ru.tsur.pulse.problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one place a refusal becomes an HTTP answer: every 4xx and 5xx of the REST API leaves here as
 * {@code application/problem+json}. Besides {@link Problem} itself it translates what the framework throws
 * (Bean Validation, unreadable JSON, unknown paths and methods, wrong media types) and failures of
 * PostgreSQL or Redis ({@link Outages} decides which failures mean "down", answers 503 with Retry-After and
 * logs the outage once instead of a stack trace per request). Anything else is a 500 whose stack trace is
 * logged, with a generic detail: internals never reach a client.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final Outages outages;

    public ProblemMapper(Outages outages) {
        this.outages = outages;
    }

    /** Writes a problem; also used by filters that refuse a request before it reaches a resource. */
    public static Response response(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem.body());
        if (problem.retryAfterSeconds() != null) {
            response.header("Retry-After", problem.retryAfterSeconds());
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response problem(Problem problem) {
        return response(problem);
    }

    /** Bean Validation on a request record or a parameter: 400 naming each field as the client wrote it. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException violations) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return response(Problem.invalid(errors));
    }

    /** A body that is not the JSON the endpoint expects (syntax, a wrong type, a duplicate key): {@link JsonProblems}. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException failure) {
        return response(JsonProblems.of(failure));
    }

    /** Quarkus REST has a built-in mapper for this subclass (a plain-JSON 400); this one keeps it a problem. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException failure) {
        return unreadable(failure);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof Problem problem) {
            return response(problem);
        }
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        if (cause instanceof ConstraintViolationException violations) {
            return invalid(violations);
        }
        int status = failure.getResponse() == null ? 500 : failure.getResponse().getStatus();
        Problem problem;
        if (failure instanceof NotFoundException || status == 404) {
            problem = Problem.notFound("Такого адреса нет");
        } else if (failure instanceof NotAllowedException || status == 405) {
            problem = Problem.of(Problem.Kind.METHOD_NOT_ALLOWED, "Этот метод не поддерживается по этому адресу");
        } else if (failure instanceof NotSupportedException || status == 415) {
            problem = Problem.unsupportedMediaType("Тело запроса принимается только как application/json в UTF-8");
        } else if (failure instanceof NotAcceptableException || status == 406) {
            problem = Problem.of(Problem.Kind.NOT_ACCEPTABLE, "Ответ отдаётся как application/json");
        } else if (status == 413) {
            problem = Problem.tooLarge("Тело запроса больше допустимого");
        } else if (status >= 400 && status < 500) {
            problem = Problem.invalid("request", "запрос не может быть обработан: " + failure.getMessage());
        } else {
            return unexpected(failure);
        }
        return response(problem);
    }

    /** No identity, or one that failed (a bad token or key): 401 with the challenge, as problem+json. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException failure) {
        Problem problem = Problem.of(Problem.Kind.UNAUTHORIZED,
                "Нужен вход: токен доступа (Authorization: Bearer …) или ключ источника (X-Api-Key)");
        return Response.fromResponse(response(problem)).header("WWW-Authenticate", "Bearer realm=\"tsur-pulse\"").build();
    }

    /** An identity whose roles do not allow this: 403 as problem+json. */
    @ServerExceptionMapper(io.quarkus.security.ForbiddenException.class)
    public Response forbidden(io.quarkus.security.ForbiddenException failure) {
        return response(Problem.forbidden("Ваша роль не позволяет это действие"));
    }

    /** PostgreSQL or Redis down: 503 with Retry-After; anything else: a logged 500 with a generic detail. */
    @ServerExceptionMapper
    public Response unexpected(Throwable failure) {
        if (failure instanceof Problem problem) {
            return response(problem);
        }
        return response(outages.refusal(failure));
    }

    private static String fieldName(Path path) {
        // "accept.arg1.reason" → "reason": the method and parameter nodes mean nothing to a client.
        StringBuilder name = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    && isArgument(node.getName())) {
                continue;
            }
            if (node.getIndex() != null) {
                name.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().isEmpty()) {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(node.getName());
            }
        }
        return name.isEmpty() ? "body" : name.toString();
    }

    private static boolean isArgument(String name) {
        return name != null && name.matches("arg\\d+|body|request");
    }
}
