package ru.tsur.pulse.api;

import org.junit.jupiter.api.Test;
import ru.tsur.pulse.problems.FieldError;
import ru.tsur.pulse.problems.Problem;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Query parameters are read with their defaults, and one problem names every bad one, in Russian. */
class QueryParametersTest {

    @Test
    void absentOrBlankParametersTakeTheirDefaults() {
        QueryParameters parameters = new QueryParameters();
        assertThat(parameters.text("executor", "  ", 300)).isNull();
        assertThat(parameters.oneOf("by", null, "executor", List.of("executor", "municipality"))).isEqualTo("executor");
        assertThat(parameters.integer("size", "", 50, 1, 200)).isEqualTo(50);
        assertThat(parameters.bool("overdue", null)).isNull();
        assertThat(parameters.instant("to", null, Instant.EPOCH)).isEqualTo(Instant.EPOCH);
        parameters.check();
        assertThat(parameters.valid()).isTrue();
    }

    @Test
    void goodValuesAreReadStrippedAndParsed() {
        QueryParameters parameters = new QueryParameters();
        assertThat(parameters.text("executor", " ООО Светосервис ", 300)).isEqualTo("ООО Светосервис");
        assertThat(parameters.integer("size", "200", 50, 1, 200)).isEqualTo(200);
        assertThat(parameters.bool("overdue", "false")).isFalse();
        assertThat(parameters.instant("from", "2021-01-14T09:00:00+03:00", null)).isEqualTo(Instant.parse("2021-01-14T06:00:00Z"));
        parameters.check();
    }

    @Test
    void everyBadParameterIsNamedInOneProblem() {
        QueryParameters parameters = new QueryParameters();
        parameters.text("municipality", "м".repeat(201), QueryParameters.MAX_TEXT_LENGTH);
        parameters.oneOf("state", "sleeping", null, List.of("firing", "resolved"));
        parameters.integer("size", "2147483648", 50, 1, 200);
        parameters.integer("page", "два", 0, 0, 10);
        parameters.bool("overdue", "yes");
        parameters.instant("from", "yesterday", null);
        parameters.invalid("from", "раньше, чем to");
        Problem problem = catchThrowableOfType(Problem.class, parameters::check);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.getMessage()).isEqualTo("Неверных полей: 7");
        assertThat(problem.errors()).containsExactly(
                new FieldError("municipality", "не длиннее 200 символов (получено 201)"),
                new FieldError("state", "одно из значений: firing, resolved"),
                new FieldError("size", "целое число от 1 до 200"),
                new FieldError("page", "целое число от 0 до 10"),
                new FieldError("overdue", "true или false"),
                new FieldError("from", "время ISO-8601 со смещением между 2000 и 9999 годом, например 2021-01-14T09:00:00+03:00"),
                new FieldError("from", "раньше, чем to"));
    }
}
