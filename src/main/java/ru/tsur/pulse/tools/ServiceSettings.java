package ru.tsur.pulse.tools;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A setting of the service as an offline command that must decide as the service does reads it, without
 * the service's configuration machinery: the environment variable MicroProfile Config maps the key to
 * ({@code pulse.routing.model-confidence} → {@code PULSE_ROUTING_MODEL_CONFIDENCE}), else the
 * {@link WithDefault} of the {@link ConfigMapping} method itself — so the two cannot drift apart.
 */
public final class ServiceSettings {

    private final Map<String, String> environment;

    public ServiceSettings(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The settings of this process's environment. */
    public static ServiceSettings fromEnvironment() {
        return new ServiceSettings(System.getenv());
    }

    /** The value of {@code mapping}'s method {@code method}, or empty when it is neither set nor has a default. */
    public Optional<String> value(Class<?> mapping, String method) {
        String set = environment.get(environmentName(key(mapping, method)));
        if (set != null && !set.isBlank()) {
            return Optional.of(set.strip());
        }
        try {
            WithDefault fallback = mapping.getMethod(method).getAnnotation(WithDefault.class);
            return fallback == null ? Optional.empty() : Optional.of(fallback.value());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(mapping.getSimpleName() + " has no " + method, e);
        }
    }

    public double number(Class<?> mapping, String method) {
        return Double.parseDouble(required(mapping, method));
    }

    public int whole(Class<?> mapping, String method) {
        return Integer.parseInt(required(mapping, method));
    }

    /** A duration as the service writes them ({@code 5m}, {@code PT5M}). */
    public Duration duration(Class<?> mapping, String method) {
        return DurationConverter.parseDuration(required(mapping, method));
    }

    private String required(Class<?> mapping, String method) {
        return value(mapping, method).orElseThrow(() -> new IllegalStateException(
                key(mapping, method) + " is not set and has no default"));
    }

    /** The configuration key of a mapping's method: its prefix and the method's name in kebab case. */
    static String key(Class<?> mapping, String method) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping.getSimpleName() + " is not a @ConfigMapping");
        }
        return annotation.prefix() + '.' + method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The environment variable MicroProfile Config reads a key from: upper case, every other character '_'. */
    static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
