package ru.tsur.pulse.tools.regionpack;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import ru.tsur.pulse.csv.CsvReader;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.RegionPack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real streets of each municipality, for the demo ({@code demo-streets.json}): read from the street part of
 * the addresses of a region's real messages («г.Санкт-Петербург, Тамбовская улица, дом 11, литера А» →
 * «Тамбовская ул.») together with their points. A message counts for the municipality its point lies inside
 * (the service's {@link MunicipalityLocator#containing}; a point outside every boundary is skipped), so a street
 * crossing several municipalities is listed in each with a point in that one's part. Per municipality, the
 * streets with the most messages are kept ({@link #MOST_PER_MUNICIPALITY}; ties by name), each with the medoid
 * of its messages' points there (the point with the least summed distance to the others: on the street, unlike
 * a mean of a bent street's points) rounded to 4 decimals (about 10 m, so no point is a resident's exact
 * building) — or to 5 where 4 would leave the boundary; a street whose point is not strictly inside is dropped.
 * Only public names and these points leave the data, never a message text.
 */
final class DemoStreets {

    /** Streets listed per municipality. */
    static final int MOST_PER_MUNICIPALITY = 12;
    private static final List<String> COLUMNS = List.of("latitude", "longitude", "address");
    /** A street part of an address: holds a word naming a kind of street. */
    private static final Pattern KIND = Pattern.compile(
            "(?<![\\p{L}])(улица|проспект|переулок|набережная|бульвар|площадь|шоссе|дорога|проезд|аллея|линия|тупик)(?![\\p{L}])",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** How residents shorten the kinds of street; the others are written out. */
    private static final Map<String, String> SHORT = Map.of("улица", "ул.", "проспект", "пр.", "переулок", "пер.",
            "набережная", "наб.", "бульвар", "б-р", "площадь", "пл.");
    private static final double METRES_PER_DEGREE = 111_320;

    /** One street of one municipality: its name, point and how many messages it was derived from. */
    record Street(String name, double lat, double lon, int messages) {
    }

    /** What was derived: streets per municipality id (ids in order), and the address rows that counted. */
    record Derived(Map<String, List<Street>> byMunicipality, int rows, int withStreet, int placed) {

        int streets() {
            return byMunicipality.values().stream().mapToInt(List::size).sum();
        }
    }

    private DemoStreets() {
    }

    /**
     * The street as residents write it, from the street part of an address («Тамбовская улица» → «Тамбовская
     * ул.», «проспект Ветеранов» → «пр. Ветеранов», «9-я линия В.О.» as it is); empty when the part names no
     * kind of street («территория Славянка», a house).
     */
    static Optional<String> streetName(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String[] parts = address.split(",");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String part = parts[1].strip().replaceAll("\\s+", " ");
        Matcher kind = KIND.matcher(part);
        if (part.isEmpty() || !kind.find()) {
            return Optional.empty();
        }
        String shortKind = SHORT.get(kind.group(1));
        return Optional.of(shortKind == null ? part : kind.replaceFirst(shortKind));
    }

    /** Reads the messages file ({@code latitude, longitude, address} columns) and derives the streets. */
    static Derived derive(Path messages, RegionPack pack) throws IOException {
        MunicipalityLocator locator = new MunicipalityLocator(pack);
        Map<String, Map<String, List<double[]>>> points = new TreeMap<>();
        int rows = 0;
        int withStreet = 0;
        int placed = 0;
        try (CsvReader csv = CsvReader.open(messages)) {
            if (!csv.header().containsAll(COLUMNS)) {
                throw new IOException(messages + ": expected the columns " + COLUMNS + " for the demo streets");
            }
            for (Map<String, String> row = csv.next(); row != null; row = csv.next()) {
                rows++;
                Optional<String> street = streetName(row.get("address"));
                Double lat = number(row.get("latitude"));
                Double lon = number(row.get("longitude"));
                if (street.isEmpty() || lat == null || lon == null) {
                    continue;
                }
                withStreet++;
                Optional<String> municipality = locator.containing(lat, lon);
                if (municipality.isEmpty()) {
                    continue;
                }
                placed++;
                points.computeIfAbsent(municipality.get(), id -> new TreeMap<>())
                        .computeIfAbsent(street.get(), name -> new ArrayList<>()).add(new double[]{lat, lon});
            }
        }
        Map<String, List<Street>> byMunicipality = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<double[]>>> municipality : points.entrySet()) {
            PreparedGeometry boundary = PreparedGeometryFactory.prepare(pack.boundaries().get(municipality.getKey()));
            List<Map.Entry<String, List<double[]>>> ranked = new ArrayList<>(municipality.getValue().entrySet());
            ranked.sort(Comparator.comparingInt((Map.Entry<String, List<double[]>> street) -> -street.getValue().size())
                    .thenComparing(Map.Entry::getKey));
            List<Street> streets = new ArrayList<>();
            for (Map.Entry<String, List<double[]>> street : ranked) {
                if (streets.size() == MOST_PER_MUNICIPALITY) {
                    break;
                }
                double[] medoid = medoid(street.getValue());
                double[] point = insideRounded(boundary, medoid);
                if (point != null) {
                    streets.add(new Street(street.getKey(), point[0], point[1], street.getValue().size()));
                }
            }
            if (!streets.isEmpty()) {
                byMunicipality.put(municipality.getKey(), List.copyOf(streets));
            }
        }
        return new Derived(byMunicipality, rows, withStreet, placed);
    }

    /** The file's JSON: the source sentence, then per municipality id its streets ({@code name, lat, lon}). */
    static Map<String, Object> json(String source, Map<String, List<Street>> byMunicipality) {
        Map<String, Object> municipalities = new LinkedHashMap<>();
        byMunicipality.forEach((id, streets) -> municipalities.put(id, streets.stream().map(street -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", street.name());
            json.put("lat", street.lat());
            json.put("lon", street.lon());
            return (Object) json;
        }).toList()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", source);
        json.put("municipalities", municipalities);
        return json;
    }

    /**
     * The point with the least summed distance to the others (ties: the first in file order); distances on one
     * local projection, at the points' mean latitude, so that they are symmetric.
     */
    private static double[] medoid(List<double[]> points) {
        double meanLatitude = points.stream().mapToDouble(point -> point[0]).average().orElseThrow();
        double metresPerDegreeLongitude = METRES_PER_DEGREE * Math.cos(Math.toRadians(meanLatitude));
        double[] best = points.get(0);
        double bestSum = Double.MAX_VALUE;
        for (double[] candidate : points) {
            double sum = 0;
            for (double[] other : points) {
                sum += Math.hypot((other[0] - candidate[0]) * METRES_PER_DEGREE,
                        (other[1] - candidate[1]) * metresPerDegreeLongitude);
            }
            if (sum < bestSum) {
                bestSum = sum;
                best = candidate;
            }
        }
        return best;
    }

    /** The point rounded to 4 decimals, else to 5, strictly inside the boundary; null when neither is. */
    private static double[] insideRounded(PreparedGeometry boundary, double[] point) {
        for (int places = 4; places <= 5; places++) {
            double lat = PackJson.round(point[0], places);
            double lon = PackJson.round(point[1], places);
            if (boundary.contains(RegionPack.GEOMETRY_FACTORY.createPoint(new Coordinate(lon, lat)))) {
                return new double[]{lat, lon};
            }
        }
        return null;
    }

    private static Double number(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
