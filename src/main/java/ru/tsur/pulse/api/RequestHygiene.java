package ru.tsur.pulse.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import ru.tsur.pulse.normalize.ControlCharacters;
import ru.tsur.pulse.problems.Problem;
import ru.tsur.pulse.problems.ProblemMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first check of every REST request, before it reaches a resource: the path and every query parameter
 * (name and value, as decoded) hold no control character and no unpaired surrogate, a parameter value is at
 * most {@link #MAX_PARAMETER_LENGTH} characters, there are at most {@link #MAX_PARAMETERS} of them, and a
 * body declared with a charset declares UTF-8. So a {@code %00} in any parameter of any endpoint is a 400
 * naming the parameter, never a statement PostgreSQL refuses (a 500), and no resource has to remember it.
 */
public class RequestHygiene {

    /** The longest query parameter value any endpoint takes (ids, names, ISO times); documented in the README. */
    public static final int MAX_PARAMETER_LENGTH = 300;
    /** The most query parameter values in one request. */
    public static final int MAX_PARAMETERS = 50;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        int forbidden = ControlCharacters.firstForbidden(path, false);
        if (forbidden >= 0) {
            return refuse(Problem.invalid("path", "содержит недопустимый символ " + ControlCharacters.describe(path, forbidden)));
        }
        MultivaluedMap<String, String> parameters = request.getUriInfo().getQueryParameters(true);
        int count = 0;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (ControlCharacters.firstForbidden(name, false) >= 0 || name.length() > 100) {
                return refuse(Problem.invalid("query", "имя параметра содержит недопустимый символ или слишком длинное"));
            }
            for (String value : parameter.getValue()) {
                count++;
                if (value == null) {
                    continue;
                }
                int bad = ControlCharacters.firstForbidden(value, false);
                if (bad >= 0) {
                    return refuse(Problem.invalid(name, "содержит недопустимый символ " + ControlCharacters.describe(value, bad)));
                }
                if (value.length() > MAX_PARAMETER_LENGTH) {
                    return refuse(Problem.invalid(name, TextBounds.tooLong(MAX_PARAMETER_LENGTH, value.length())));
                }
            }
        }
        if (count > MAX_PARAMETERS) {
            return refuse(Problem.invalid("query", "не больше " + MAX_PARAMETERS + " параметров"));
        }
        MediaType type = request.getMediaType();
        if (type != null && hasBody(request)) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !isUtf8(charset)) {
                return refuse(Problem.unsupportedMediaType("Тело запроса принимается только в UTF-8, не " + shortened(charset)));
            }
        }
        return Optional.empty();
    }

    /** A charset matters only for a body: clients send a default content type even on a body-less POST. */
    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return request.getHeaderString("Transfer-Encoding") != null || length != null && !length.strip().equals("0");
    }

    static boolean isUtf8(String charset) {
        String name = charset.strip().replace("\"", "");
        return name.equalsIgnoreCase(StandardCharsets.UTF_8.name()) || name.equalsIgnoreCase("utf8");
    }

    private static String shortened(String text) {
        String clean = ControlCharacters.firstForbidden(text, false) >= 0 ? "?" : text;
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }

    private static Optional<Response> refuse(Problem problem) {
        return Optional.of(ProblemMapper.response(problem));
    }
}
