package ru.tsur.pulse.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import ru.tsur.pulse.clock.Ticks;
import ru.tsur.pulse.pipeline.Submission;
import ru.tsur.pulse.ingest.IngestGateway;
import ru.tsur.pulse.locate.RegionPack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo profile's live feed: every 200 ms it writes as many messages as the configured rate and the
 * hour-of-week rhythm call for and submits them through the same gateway as the REST API, so the wall
 * shows a realistic, moving region. Off unless {@code pulse.demo.enabled}.
 */
@ApplicationScoped
public class DemoFeed {

    private static final Logger LOG = Logger.getLogger(DemoFeed.class);
    private static final long PERIOD_MILLIS = 200;

    private final DemoConfig config;
    private final IngestGateway gateway;
    private final RegionPack pack;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile DemoMessageGenerator generator;

    public DemoFeed(DemoConfig config, IngestGateway gateway, RegionPack pack, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.gateway = gateway;
        this.pack = pack;
        this.json = json;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        DemoProfile profile = DemoProfile.load(pack.region().id(), json);
        generator = new DemoMessageGenerator(profile, pack, config.seed(),
                "demo-" + Long.toString(clock.millis(), 36));
        LOG.infof("Demo feed on: about %.1f messages/s for %s", config.rate(), pack.region().name());
        Ticks.every(Duration.ofMillis(PERIOD_MILLIS), "Demo feed", () -> Uni.createFrom().item(() -> {
            emit();
            return null;
        }));
    }

    /** One period's messages. */
    void emit() {
        Instant now = clock.instant();
        double mean = config.rate() * generator.intensity(now) * PERIOD_MILLIS / 1000.0;
        int count = generator.countFor(mean);
        if (count == 0) {
            return;
        }
        List<Submission> messages = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            messages.add(Submission.of(generator.next(now)));
        }
        gateway.submit(messages).subscribe().with(
                accepted -> { },
                failure -> LOG.debugf("Demo messages not accepted: %s", failure.getMessage()));
    }
}
