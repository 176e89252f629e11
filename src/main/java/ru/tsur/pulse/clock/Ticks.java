package ru.tsur.pulse.clock;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A sub-second rhythm for stream work (the heat map's coalescing tick, the feed's push, the demo's emission).
 * Jobs of a second or more are {@code @Scheduled}; quarkus-scheduler checks its triggers once a second, so a
 * 100 ms tick would silently become a 1 s one. Here a Mutiny tick stream drives the work, one run at a time:
 * a tick that comes while the previous run still goes is dropped (the next run takes what piled up), and a
 * failed run is logged and does not stop the rhythm.
 */
public final class Ticks {

    private static final Logger LOG = Logger.getLogger(Ticks.class);

    private Ticks() {
    }

    /** Runs {@code work} every {@code period} until the returned handle is cancelled; {@code name} is for the log. */
    public static Cancellable every(Duration period, String name, Supplier<Uni<Void>> work) {
        return Multi.createFrom().ticks().every(period)
                // Ticks are worthless once late: drop them while a run is still going.
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> Uni.createFrom().<Void>deferred(work::get)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.debugf("%s run failed: %s", name, failure.toString());
                            return null;
                        }))
                .subscribe().with(ignored -> { }, failure -> LOG.errorf(failure, "%s stopped", name));
    }
}
