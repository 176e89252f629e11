package ru.tsur.pulse.support;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every test's REST calls carry a real bearer token of the tests' own user ({@link Tokens#TEST_USER}), so
 * the stories test behaviour behind the login without repeating it; the tests of access itself build
 * their requests with the users they need (or none). Registered for every test class through
 * {@code META-INF/services} (JUnit's extension auto-detection); refreshed before each test because tokens
 * live five minutes.
 */
public final class AuthenticatedRestAssured implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(Anonymous.class)) {
            RestAssured.requestSpecification = null;
            return;
        }
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader("Authorization", Tokens.bearer(Tokens.TEST_USER)).build();
    }

    /** Marks a test class whose requests carry no token unless the test adds one. */
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Anonymous {
    }
}
