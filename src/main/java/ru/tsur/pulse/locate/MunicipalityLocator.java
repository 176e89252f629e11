package ru.tsur.pulse.locate;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Location;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places a message in a municipality: by its point (point-in-polygon over prepared boundaries found
 * through an STR-tree; a point just outside every boundary — on an embankment, across a border street —
 * goes to the nearest boundary within {@link #NEAREST_TOLERANCE_DEGREES}), else by the name hint the
 * source gave, else by a place the hint, the address or the text names ({@link Gazetteer}: «в деревне …
 * Льговского района», «г. Курск, ул. Союзная»), else «не определено». Thread-safe after construction.
 */
public final class MunicipalityLocator {

    /** About 300 m at the latitude of St Petersburg along a meridian. */
    static final double NEAREST_TOLERANCE_DEGREES = 0.003;

    private record Entry(String id, Geometry geometry, PreparedGeometry prepared) {
    }

    private final STRtree index = new STRtree();
    private final NameIndex names;
    private final Gazetteer gazetteer;

    public MunicipalityLocator(RegionPack pack) {
        this(pack, new Gazetteer(pack.region().municipalities()));
    }

    public MunicipalityLocator(RegionPack pack, Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (Map.Entry<String, Geometry> boundary : pack.boundaries().entrySet()) {
            Geometry geometry = boundary.getValue();
            index.insert(geometry.getEnvelopeInternal(),
                    new Entry(boundary.getKey(), geometry, PreparedGeometryFactory.prepare(geometry)));
        }
        index.build();
        this.names = new NameIndex(pack.region().municipalities());
    }

    public Location locate(IncomingMessage message) {
        if (message.hasCoordinates()) {
            Optional<String> byPoint = byCoordinates(message.lat(), message.lon());
            if (byPoint.isPresent()) {
                return new Location(byPoint.get(), "coordinates");
            }
        }
        Optional<String> byName = names.find(message.municipalityHint());
        if (byName.isPresent()) {
            return new Location(byName.get(), "hint");
        }
        Optional<Gazetteer.Match> named = gazetteer.find(message.municipalityHint() == null ? "" : message.municipalityHint())
                .or(() -> gazetteer.find(message.address() == null ? "" : message.address()))
                .or(() -> gazetteer.find(message.text() == null ? "" : message.text()));
        if (named.isPresent()) {
            return new Location(named.get().municipalityId(), "text");
        }
        return Location.unknown();
    }

    /**
     * The municipality as far as it is plain before the pipeline runs: the boundary the point lies in, else the
     * municipality the hint names exactly (no nearest boundary, no gazetteer). The ingest door keys the Kafka
     * topic by it, so one municipality's messages stay in one partition, in order.
     */
    public Optional<String> plainAtTheDoor(IncomingMessage message) {
        if (message.hasCoordinates()) {
            Optional<String> byPoint = containing(message.lat(), message.lon());
            if (byPoint.isPresent()) {
                return byPoint;
            }
        }
        return names.find(message.municipalityHint());
    }

    /** The municipality containing the point, or the nearest one within the tolerance. */
    public Optional<String> byCoordinates(double lat, double lon) {
        Point point = RegionPack.GEOMETRY_FACTORY.createPoint(new Coordinate(lon, lat));
        return containing(point).or(() -> nearest(point, lat, lon));
    }

    /** The municipality whose boundary covers the point (inside or on it), without the nearest-boundary step. */
    public Optional<String> containing(double lat, double lon) {
        return containing(RegionPack.GEOMETRY_FACTORY.createPoint(new Coordinate(lon, lat)));
    }

    @SuppressWarnings("unchecked")
    private Optional<String> containing(Point point) {
        Coordinate coordinate = point.getCoordinate();
        List<Entry> candidates = index.query(new Envelope(coordinate));
        for (Entry candidate : candidates) {
            if (candidate.prepared().covers(point)) {
                return Optional.of(candidate.id());
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Optional<String> nearest(Point point, double lat, double lon) {
        Envelope near = new Envelope(lon - NEAREST_TOLERANCE_DEGREES * 2, lon + NEAREST_TOLERANCE_DEGREES * 2,
                lat - NEAREST_TOLERANCE_DEGREES, lat + NEAREST_TOLERANCE_DEGREES);
        Entry nearest = null;
        double nearestDistance = NEAREST_TOLERANCE_DEGREES;
        for (Entry candidate : (List<Entry>) index.query(near)) {
            double distance = candidate.geometry().distance(point);
            if (distance <= nearestDistance) {
                nearest = candidate;
                nearestDistance = distance;
            }
        }
        return Optional.ofNullable(nearest).map(Entry::id);
    }

    public NameIndex names() {
        return names;
    }
}
