package ru.tsur.pulse.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.ArrayList;
import java.util.List;

/**
 * Every @QuarkusTest's REST calls carry a real bearer token of the tests' own user ({@link Tokens#TEST_USER})
 * unless the request names its own credentials, so the stories test behaviour behind the login without
 * repeating it; the tests of access itself send the users they need, or none ({@link Anonymous} classes). A
 * Quarkus callback (registered in {@code META-INF/services}) rather than a JUnit extension: it runs in the
 * class loader of the test, whose RestAssured is the one the test calls; a filter rather than a default
 * specification, which would also fix the port before Quarkus sets it.
 */
public final class AuthenticatedRestAssured implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(filter -> filter instanceof TestUserToken);
        if (!context.getTestInstance().getClass().isAnnotationPresent(Anonymous.class)) {
            filters.add(new TestUserToken());
        }
        RestAssured.replaceFiltersWith(filters);
    }

    /** Adds the test user's token to a request that carries no credentials of its own. */
    static final class TestUserToken implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization") && !request.getHeaders().hasHeaderWithName("X-Api-Key")) {
                request.header("Authorization", Tokens.bearer(Tokens.TEST_USER));
            }
            return context.next(request, response);
        }
    }

    /** Marks a test class whose requests carry no token unless the test adds one. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Anonymous {
    }
}
