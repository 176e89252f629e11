package ru.tsur.pulse.pages;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The small map beside a message on the console: the region's municipal outlines drawn once, at start, as one
 * SVG path in a {@value #WIDTH}×{@value #HEIGHT} box (simplified to about a pixel), and where a point falls in
 * that box, and each municipality's own outline to mark where a message without a point was placed. Server-side, so a page of twenty messages costs twenty circles, not twenty map renderings; the
 * municipality's name beside it is the text alternative. Plain class: JTS only.
 */
public final class MiniMap {

    public static final int WIDTH = 140;
    public static final int HEIGHT = 100;

    /** A point in the box's coordinates. */
    public record Point(double x, double y) {
        public String cx() {
            return String.format(Locale.ROOT, "%.1f", x);
        }

        public String cy() {
            return String.format(Locale.ROOT, "%.1f", y);
        }
    }

    private final Envelope envelope;
    private final double scale;
    private final double offsetX;
    private final double offsetY;
    private final double aspect;
    private final String outlines;
    private final Map<String, String> areas;

    public MiniMap(Map<String, Geometry> boundaries) {
        Envelope all = new Envelope();
        boundaries.values().forEach(geometry -> all.expandToInclude(geometry.getEnvelopeInternal()));
        this.envelope = all;
        // Degrees of longitude shrink with latitude: scale x by the cosine at the region's middle.
        this.aspect = all.isNull() ? 1 : Math.cos(Math.toRadians((all.getMinY() + all.getMaxY()) / 2));
        double width = all.isNull() ? 1 : Math.max(all.getWidth() * aspect, 1e-9);
        double height = all.isNull() ? 1 : Math.max(all.getHeight(), 1e-9);
        double margin = 4;
        this.scale = Math.min((WIDTH - 2 * margin) / width, (HEIGHT - 2 * margin) / height);
        this.offsetX = (WIDTH - width * scale) / 2;
        this.offsetY = (HEIGHT - height * scale) / 2;
        StringBuilder path = new StringBuilder();
        Map<String, String> areas = new HashMap<>();
        double tolerance = 1 / scale;
        boundaries.forEach((id, boundary) -> {
            Geometry simple = DouglasPeuckerSimplifier.simplify(boundary, tolerance);
            StringBuilder area = new StringBuilder();
            for (int index = 0; index < simple.getNumGeometries(); index++) {
                if (simple.getGeometryN(index) instanceof Polygon polygon) {
                    ring(area, polygon.getExteriorRing().getCoordinates());
                }
            }
            areas.put(id, area.toString());
            path.append(area);
        });
        this.outlines = path.toString();
        this.areas = Map.copyOf(areas);
    }

    /** One municipality's outline as SVG path data (empty when the region has no such municipality). */
    public String area(String municipalityId) {
        return municipalityId == null ? "" : areas.getOrDefault(municipalityId, "");
    }

    /** The outlines as SVG path data. */
    public String outlines() {
        return outlines;
    }

    /** Where the point falls in the box; empty without coordinates or outside the region's extent. */
    public Optional<Point> point(Double lat, Double lon) {
        if (lat == null || lon == null || envelope.isNull() || !envelope.contains(lon, lat)) {
            return Optional.empty();
        }
        return Optional.of(project(lon, lat));
    }

    private Point project(double lon, double lat) {
        return new Point(offsetX + (lon - envelope.getMinX()) * aspect * scale,
                offsetY + (envelope.getMaxY() - lat) * scale);
    }

    private void ring(StringBuilder path, Coordinate[] coordinates) {
        if (coordinates.length < 4) {
            return;
        }
        for (int index = 0; index < coordinates.length - 1; index++) {
            Point point = project(coordinates[index].x, coordinates[index].y);
            path.append(index == 0 ? 'M' : 'L').append(point.cx()).append(' ').append(point.cy());
        }
        path.append('Z');
    }
}
