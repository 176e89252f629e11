package ru.tsur.pulse.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes plausible resident messages for the demo. The category, topic and municipality mix and the
 * hour-of-week rhythm follow the region's real figures ({@link DemoProfile}); the topic picks the text (each
 * topic has its own hand-written templates, so what a message says is what it is filed as, and the executor the
 * pipeline routes it to follows); a text names a real street of the municipality, and a portal message's point
 * lies near that street and inside the municipality. Like real feeds, portal messages carry a point and the
 * portal's category and topic, social-network posts only a place name, hotline calls an address and a place
 * name. Deterministic for a given seed. Not thread-safe.
 */
public final class DemoMessageGenerator {

    /** The farthest a portal message's point lies from its street's point. */
    public static final double JITTER_METRES = 150;

    private static final double PORTAL_SHARE = 0.65;
    private static final double SOCIAL_SHARE = 0.2;
    private static final double METRES_PER_DEGREE = 111_320;
    private static final String STREET = "{street}";
    private static final int POINT_ATTEMPTS = 100;

    private final DemoProfile profile;
    private final RegionPack pack;
    private final ZoneId zone;
    private final SplittableRandom random;
    private final List<DemoProfile.Weighted<DemoProfile.CategoryMix>> mix;
    private final List<DemoProfile.Weighted<String>> municipalityMix;
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
        this.mix = writableMix(profile, categories);
        this.municipalityMix = profile.municipalities().stream()
                .filter(municipality -> municipalities.containsKey(municipality.item())).toList();
        if (mix.isEmpty() || municipalityMix.isEmpty()) {
            throw new IllegalArgumentException("The demo profile of " + pack.region().id()
                    + " has no topic with templates or no municipality of the region");
        }
    }

    /**
     * The category and topic mix {@link #next} draws from: the profile's, less every topic without templates
     * (the topics left are drawn in proportion to their shares; each category keeps its own share) and every
     * category left without a topic.
     */
    public List<DemoProfile.Weighted<DemoProfile.CategoryMix>> mix() {
        return mix;
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

    /** A message drawn from the mix: category, then one of its topics, then a municipality by its share. */
    public IncomingMessage next(Instant now) {
        DemoProfile.CategoryMix category = pick(mix);
        String topic = pick(category.topics());
        String municipalityId = pick(municipalityMix);
        return message(now, municipalityId, category.categoryId(), topic);
    }

    /**
     * A message about exactly this topic of this category in this municipality (scripted events call this):
     * one of the topic's templates, naming one of the municipality's streets where the data has any (else a
     * template without a street); by the usual channel mix a portal message (the point near the street, or
     * anywhere inside the municipality without one, and the category and topic), a social-network post (the
     * municipality's name) or a hotline call (the street and house, and a name of the municipality).
     *
     * @throws IllegalArgumentException for an unknown municipality or category, or a topic without templates
     */
    public IncomingMessage message(Instant now, String municipalityId, String categoryId, String topic) {
        Municipality municipality = municipalities.get(municipalityId);
        Category category = categories.get(categoryId);
        if (municipality == null || category == null) {
            throw new IllegalArgumentException("Unknown " + (municipality == null ? "municipality " + municipalityId
                    : "category " + categoryId) + " in region " + pack.region().id());
        }
        List<String> templates = profile.templates(categoryId, topic);
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("No demo template for the topic «" + topic + "» of " + categoryId);
        }
        List<DemoStreet> streets = profile.streets(municipalityId);
        DemoStreet street = streets.isEmpty() ? null : streets.get(random.nextInt(streets.size()));
        List<String> usable = street != null ? templates : withoutStreet(templates);
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("Every demo template of the topic «" + topic + "» names a street and "
                    + municipalityId + " has none");
        }
        String house = house();
        String text = fill(usable.get(random.nextInt(usable.size())), street, house);
        String externalId = runId + "-" + (++sequence);
        double channel = random.nextDouble();
        if (channel < PORTAL_SHARE) {
            Coordinate point = street != null ? near(street, municipalityId) : pointIn(municipalityId);
            return new IncomingMessage("portal", externalId, now, text, point == null ? null : point.y,
                    point == null ? null : point.x, null, null, category.name(), topic, null);
        }
        if (channel < PORTAL_SHARE + SOCIAL_SHARE) {
            return new IncomingMessage("social", externalId, now, text, null, null, null, municipality.shortName(),
                    null, null, null);
        }
        String address = street == null ? null : street.name() + ", " + house;
        String hint = municipality.aliases().isEmpty() ? municipality.name()
                : municipality.aliases().get(random.nextInt(municipality.aliases().size()));
        return new IncomingMessage("hotline", externalId, now, text, null, null, address, hint, null, null, null);
    }

    private static List<DemoProfile.Weighted<DemoProfile.CategoryMix>> writableMix(DemoProfile profile,
                                                                                  Map<String, Category> categories) {
        List<DemoProfile.Weighted<DemoProfile.CategoryMix>> mix = new ArrayList<>();
        for (DemoProfile.Weighted<DemoProfile.CategoryMix> category : profile.categories()) {
            String id = category.item().categoryId();
            List<DemoProfile.Weighted<String>> topics = category.item().topics().stream()
                    .filter(topic -> !profile.templates(id, topic.item()).isEmpty() && topic.weight() > 0).toList();
            if (!topics.isEmpty() && categories.containsKey(id) && category.weight() > 0) {
                mix.add(new DemoProfile.Weighted<>(new DemoProfile.CategoryMix(id, topics), category.weight()));
            }
        }
        return List.copyOf(mix);
    }

    private static List<String> withoutStreet(List<String> templates) {
        return templates.stream().filter(template -> !template.contains(STREET)).toList();
    }

    private String house() {
        return (1 + random.nextInt(150)) + (random.nextInt(5) == 0 ? "к" + (1 + random.nextInt(4)) : "");
    }

    /**
     * The template with its placeholders filled: this street (or none), this house, the rest drawn. A street whose
     * name ends in an abbreviation's full stop («Бухарестская ул.») ends a sentence with that one.
     */
    String fill(String template, DemoStreet street, String house) {
        String text = template.replace("{house}", house);
        if (street != null) {
            String name = street.name();
            text = text.replace(STREET + ".", name.endsWith(".") ? name : name + ".").replace(STREET, name);
        }
        if (text.contains("{entrance}")) {
            text = text.replace("{entrance}", Integer.toString(1 + random.nextInt(12)));
        }
        if (text.contains("{days}")) {
            text = text.replace("{days}", Integer.toString(5 + random.nextInt(16)));
        }
        if (text.contains("{phone}")) {
            text = text.replace("{phone}", phone());
        }
        return text;
    }

    /** A mobile number in one of the ways residents write it. */
    private String phone() {
        String operator = "9" + (10 + random.nextInt(90));
        String number = String.format("%03d%02d%02d", random.nextInt(1000), random.nextInt(100), random.nextInt(100));
        String first = number.substring(0, 3);
        String second = number.substring(3, 5);
        String third = number.substring(5, 7);
        return switch (random.nextInt(4)) {
            case 0 -> "+7 " + operator + " " + first + "-" + second + "-" + third;
            case 1 -> "8" + operator + number;
            case 2 -> "8-" + operator + "-" + first + "-" + second + "-" + third;
            default -> "8 (" + operator + ") " + first + "-" + second + "-" + third;
        };
    }

    /**
     * A point at most {@link #JITTER_METRES} from the street's point, uniform over that disc, and inside the
     * municipality; the street's own point (inside by construction) when the disc's draws all fall outside.
     */
    Coordinate near(DemoStreet street, String municipalityId) {
        double metresPerDegreeLongitude = METRES_PER_DEGREE * Math.cos(Math.toRadians(street.lat()));
        for (int attempt = 0; attempt < POINT_ATTEMPTS; attempt++) {
            double distance = JITTER_METRES * Math.sqrt(random.nextDouble());
            double angle = 2 * Math.PI * random.nextDouble();
            double lat = round(street.lat() + distance * Math.cos(angle) / METRES_PER_DEGREE);
            double lon = round(street.lon() + distance * Math.sin(angle) / metresPerDegreeLongitude);
            if (metres(street.lat(), street.lon(), lat, lon) <= JITTER_METRES && inside(municipalityId, lon, lat)) {
                return new Coordinate(lon, lat);
            }
        }
        return new Coordinate(street.lon(), street.lat());
    }

    /** Metres between two nearby points (equirectangular, at the first point's latitude). */
    public static double metres(double lat, double lon, double otherLat, double otherLon) {
        double north = (otherLat - lat) * METRES_PER_DEGREE;
        double east = (otherLon - lon) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
        return Math.hypot(north, east);
    }

    /** A uniformly random point inside the municipality (rejection sampling in its bounding box). */
    Coordinate pointIn(String municipalityId) {
        Geometry boundary = pack.boundaries().get(municipalityId);
        if (boundary == null) {
            return null;
        }
        Envelope box = boundary.getEnvelopeInternal();
        for (int attempt = 0; attempt < POINT_ATTEMPTS; attempt++) {
            double lon = round(box.getMinX() + random.nextDouble() * box.getWidth());
            double lat = round(box.getMinY() + random.nextDouble() * box.getHeight());
            if (inside(municipalityId, lon, lat)) {
                return new Coordinate(lon, lat);
            }
        }
        return boundary.getInteriorPoint().getCoordinate();
    }

    private boolean inside(String municipalityId, double lon, double lat) {
        Geometry boundary = pack.boundaries().get(municipalityId);
        if (boundary == null) {
            return false;
        }
        PreparedGeometry prepared = preparedBoundaries.computeIfAbsent(municipalityId,
                id -> PreparedGeometryFactory.prepare(boundary));
        return prepared.contains(RegionPack.GEOMETRY_FACTORY.createPoint(new Coordinate(lon, lat)));
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
}
