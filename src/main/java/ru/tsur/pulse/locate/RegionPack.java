package ru.tsur.pulse.locate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's data as shipped under {@code regions/<id>/} on the classpath: {@code region.json}
 * (taxonomy, municipalities, aliases) and {@code municipalities.geojson} (boundaries, OSM). Region packs
 * are data: switching regions is a configuration change. Plain code, loadable from tests and tools.
 */
public final class RegionPack {

    /** Lon/lat in WGS84, the frame of the shipped GeoJSON. */
    public static final GeometryFactory GEOMETRY_FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private final Region region;
    private final Map<String, Geometry> boundaries;
    private final String geoJson;

    private RegionPack(Region region, Map<String, Geometry> boundaries, String geoJson) {
        this.region = region;
        this.boundaries = boundaries;
        this.geoJson = geoJson;
    }

    public Region region() {
        return region;
    }

    /** Boundary per municipality id, in the order of the region's municipality list. */
    public Map<String, Geometry> boundaries() {
        return boundaries;
    }

    /** The boundaries as shipped, for the wall's map. */
    public String geoJson() {
        return geoJson;
    }

    /** Loads {@code regions/<id>/} from the classpath; fails loudly when the pack is missing or broken. */
    public static RegionPack load(String regionId, ObjectMapper json) {
        if (!regionId.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("Region id must be lower-case letters, digits or '-': " + regionId);
        }
        String base = "regions/" + regionId + "/";
        try (InputStream regionJson = resource(base + "region.json");
             InputStream boundaries = resource(base + "municipalities.geojson")) {
            return parse(new String(regionJson.readAllBytes(), StandardCharsets.UTF_8),
                    new String(boundaries.readAllBytes(), StandardCharsets.UTF_8), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Region pack " + regionId + " cannot be read", e);
        }
    }

    /**
     * A pack from the texts of its {@code region.json} and {@code municipalities.geojson}, read exactly as
     * {@link #load} reads the shipped files (the region-pack builder measures the pack it is about to write).
     */
    public static RegionPack parse(String regionJson, String geoJson, ObjectMapper json) throws IOException {
        Region region = readRegion(json.readTree(regionJson));
        Map<String, Geometry> boundaries = readBoundaries(json.readTree(geoJson), region);
        return new RegionPack(region, boundaries, geoJson);
    }

    private static InputStream resource(String path) throws IOException {
        InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (stream == null) {
            stream = RegionPack.class.getClassLoader().getResourceAsStream(path);
        }
        if (stream == null) {
            throw new IOException("No resource " + path + " on the classpath");
        }
        return stream;
    }

    private static Region readRegion(JsonNode meta) {
        List<Category> categories = new ArrayList<>();
        for (JsonNode node : meta.path("categories")) {
            List<String> keywords = new ArrayList<>();
            node.path("keywords").forEach(keyword -> keywords.add(keyword.asText()));
            categories.add(new Category(node.path("id").asText(), node.path("name").asText(),
                    textOrNull(node.path("code")), List.copyOf(keywords)));
        }
        if (categories.stream().noneMatch(category -> Category.OTHER_ID.equals(category.id()))) {
            categories.add(new Category(Category.OTHER_ID, "Прочее", null, List.of()));
        }
        List<Municipality> municipalities = new ArrayList<>();
        for (JsonNode node : meta.path("municipalities")) {
            List<String> aliases = new ArrayList<>();
            node.path("aliases").forEach(alias -> aliases.add(alias.asText()));
            String name = node.path("name").asText();
            String shortName = textOrNull(node.path("shortName"));
            municipalities.add(new Municipality(node.path("id").asText(), name, shortName == null ? name : shortName,
                    textOrNull(node.path("district")), List.copyOf(aliases),
                    node.path("population").isNumber() ? node.path("population").asInt() : null));
        }
        if (municipalities.isEmpty()) {
            throw new IllegalStateException("Region pack has no municipalities");
        }
        return new Region(meta.path("id").asText(), meta.path("name").asText(),
                meta.path("timeZone").asText("Europe/Moscow"), meta.path("attribution").asText(),
                List.copyOf(categories), List.copyOf(municipalities));
    }

    private static Map<String, Geometry> readBoundaries(JsonNode collection, Region region) {
        Map<String, Geometry> byId = new LinkedHashMap<>();
        for (JsonNode feature : collection.path("features")) {
            String id = feature.path("properties").path("id").asText();
            byId.put(id, readGeometry(feature.path("geometry")));
        }
        Map<String, Geometry> ordered = new LinkedHashMap<>();
        for (Municipality municipality : region.municipalities()) {
            Geometry geometry = byId.get(municipality.id());
            if (geometry == null) {
                throw new IllegalStateException("No boundary for municipality " + municipality.id());
            }
            ordered.put(municipality.id(), geometry);
        }
        return ordered;
    }

    static Geometry readGeometry(JsonNode geometry) {
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> readPolygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[coordinates.size()];
                for (int index = 0; index < polygons.length; index++) {
                    polygons[index] = readPolygon(coordinates.get(index));
                }
                yield GEOMETRY_FACTORY.createMultiPolygon(polygons);
            }
            default -> throw new IllegalStateException("Unsupported boundary geometry " + type);
        };
    }

    private static Polygon readPolygon(JsonNode rings) {
        LinearRing shell = readRing(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int index = 1; index < rings.size(); index++) {
            holes[index - 1] = readRing(rings.get(index));
        }
        return GEOMETRY_FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing readRing(JsonNode ring) {
        List<Coordinate> points = new ArrayList<>(ring.size() + 1);
        for (JsonNode point : ring) {
            points.add(new Coordinate(point.get(0).asDouble(), point.get(1).asDouble()));
        }
        if (!points.get(0).equals2D(points.get(points.size() - 1))) {
            points.add(new Coordinate(points.get(0)));
        }
        return GEOMETRY_FACTORY.createLinearRing(points.toArray(Coordinate[]::new));
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
