package ru.tsur.pulse.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.tension.CountTail;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes plausible resident messages for the demo: the category, topic and municipality mix and the
 * hour-of-week rhythm follow the region's real figures; texts come from hand-written templates; points
 * fall inside the chosen municipality. Like real feeds, portal messages carry a point and the portal's
 * category, social-network posts only a place name, hotline calls an address and a district name.
 * Deterministic for a given seed. Not thread-safe.
 */
public final class DemoMessageGenerator {

    private static final double PORTAL_SHARE = 0.65;
    private static final double SOCIAL_SHARE = 0.2;

    private final DemoProfile profile;
    private final RegionPack pack;
    private final ZoneId zone;
    private final SplittableRandom random;
    private final Map<String, PreparedGeometry> preparedBoundaries = new HashMap<>();
    private final Map<String, Category> categories = new HashMap<>();
    private final Map<String, Municipality> municipalities = new HashMap<>();
    private final String runId;
    private long sequence;

    public DemoMessageGenerator(DemoProfile profile, RegionPack pack, long seed, String runId) {
        this.profile = profile;
        this.pack = pack;
        this.zone = ZoneId.of(pack.region().timeZone());
        this.random = new SplittableRandom(seed);
        this.runId = runId;
        pack.region().categories().forEach(category -> categories.put(category.id(), category));
        pack.region().municipalities().forEach(municipality -> municipalities.put(municipality.id(), municipality));
    }

    /** Relative intensity at this moment (mean 1.0 over a week), from the hour-of-week profile. */
    public double intensity(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        int index = (local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + local.getHour();
        return profile.hourOfWeek()[index];
    }

    /** How many messages to write for an interval whose expected count is {@code mean} (Poisson). */
    public int countFor(double mean) {
        return CountTail.samplePoisson(mean, random);
    }

    public IncomingMessage next(Instant now) {
        DemoProfile.CategoryMix mix = pick(profile.categories());
        String topic = mix.topics().isEmpty() ? null : pick(mix.topics());
        return message(now, pick(profile.municipalities()), mix.categoryId(), topic);
    }

    /** A message of exactly this municipality, category and topic (a scripted scene's), in the usual channel mix. */
    public IncomingMessage message(Instant now, String municipalityId, String categoryId, String topic) {
        Municipality municipality = municipalities.get(municipalityId);
        String text = fill(pickTemplate(categoryId));
        String externalId = runId + "-" + (++sequence);
        double channel = random.nextDouble();
        Category category = categories.get(categoryId);
        if (channel < PORTAL_SHARE || municipality == null) {
            Coordinate point = pointIn(municipalityId);
            return new IncomingMessage("portal", externalId, now, text, point == null ? null : point.y,
                    point == null ? null : point.x, null, null, category == null ? null : category.name(), topic, null);
        }
        if (channel < PORTAL_SHARE + SOCIAL_SHARE) {
            return new IncomingMessage("social", externalId, now, text, null, null, null, municipality.shortName(),
                    null, null, null);
        }
        String address = any(profile.streets()) + ", " + (1 + random.nextInt(120));
        String hint = municipality.aliases().isEmpty() ? municipality.name()
                : municipality.aliases().get(random.nextInt(municipality.aliases().size()));
        return new IncomingMessage("hotline", externalId, now, text, null, null, address, hint, null, null, null);
    }

    private String pickTemplate(String categoryId) {
        List<String> texts = profile.templates().get(categoryId);
        if (texts == null || texts.isEmpty()) {
            texts = profile.templates().values().iterator().next();
        }
        return texts.get(random.nextInt(texts.size()));
    }

    private String fill(String template) {
        return template
                .replace("{street}", profile.streets().isEmpty() ? "улица Ленина" : any(profile.streets()))
                .replace("{house}", Integer.toString(1 + random.nextInt(150)) + (random.nextInt(5) == 0 ? "к" + (1 + random.nextInt(4)) : ""))
                .replace("{entrance}", Integer.toString(1 + random.nextInt(12)))
                .replace("{days}", Integer.toString(5 + random.nextInt(16)));
    }

    /** A uniformly random point inside the municipality (rejection sampling in its bounding box). */
    Coordinate pointIn(String municipalityId) {
        Geometry boundary = pack.boundaries().get(municipalityId);
        if (boundary == null) {
            return null;
        }
        PreparedGeometry prepared = preparedBoundaries.computeIfAbsent(municipalityId,
                id -> PreparedGeometryFactory.prepare(boundary));
        Envelope box = boundary.getEnvelopeInternal();
        for (int attempt = 0; attempt < 100; attempt++) {
            Coordinate candidate = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            Point point = RegionPack.GEOMETRY_FACTORY.createPoint(candidate);
            if (prepared.contains(point)) {
                return new Coordinate(round(candidate.x), round(candidate.y));
            }
        }
        return boundary.getInteriorPoint().getCoordinate();
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private <T> T pick(List<DemoProfile.Weighted<T>> weighted) {
        double total = 0;
        for (DemoProfile.Weighted<T> item : weighted) {
            total += item.weight();
        }
        double target = random.nextDouble() * total;
        for (DemoProfile.Weighted<T> item : weighted) {
            target -= item.weight();
            if (target < 0) {
                return item.item();
            }
        }
        return weighted.get(weighted.size() - 1).item();
    }

    private String any(List<String> items) {
        return items.get(random.nextInt(items.size()));
    }
}
