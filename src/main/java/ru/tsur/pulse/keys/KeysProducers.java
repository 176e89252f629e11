package ru.tsur.pulse.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the plain rate limiter of this package from configuration, on the JVM's monotonic clock. */
@ApplicationScoped
public class KeysProducers {

    @Produces
    @Singleton
    KeyRateLimiter rateLimiter(KeysConfig config) {
        return new KeyRateLimiter(config.burst(), config.ratePerSecond(), config.maxBuckets(), System::nanoTime);
    }
}
