package ru.tsur.pulse.counters;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Reports the Redis view in {@code /q/health} without ever failing readiness: with Redis down the
 * service still accepts and stores messages (they are counted when Redis returns), so taking the pod
 * out of rotation would lose more than it saves. The state is in the check's data ({@code redis}).
 */
@Readiness
@ApplicationScoped
public class CountersHealthCheck implements AsyncHealthCheck {

    private final Redis redis;

    public CountersHealthCheck(Redis redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.send(Request.cmd(Command.PING))
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .map(pong -> HealthCheckResponse.named("Counters view (Redis)").up().withData("redis", "up").build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("Counters view (Redis)").up()
                        .withData("redis", "down: " + failure.getMessage()).build());
    }
}
