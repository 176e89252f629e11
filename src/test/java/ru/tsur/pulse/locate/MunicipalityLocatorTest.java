package ru.tsur.pulse.locate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MunicipalityLocatorTest {

    /** Metres per degree of latitude (and of longitude at the equator). */
    private static final double METRES_PER_DEGREE = 111_320;

    private static RegionPack spb;
    private static RegionPack kursk;
    private static MunicipalityLocator spbLocator;
    private static MunicipalityLocator kurskLocator;

    @BeforeAll
    static void loadPacks() {
        ObjectMapper json = new ObjectMapper();
        spb = RegionPack.load("spb", json);
        kursk = RegionPack.load("kursk", json);
        spbLocator = new MunicipalityLocator(spb);
        kurskLocator = new MunicipalityLocator(kursk);
    }

    private static String id(Region region, String name) {
        return region.municipalities().stream().filter(municipality -> municipality.name().equals(name))
                .map(Municipality::id).findFirst()
                .orElseThrow(() -> new AssertionError("No municipality named " + name + " in " + region.id()));
    }

    private static IncomingMessage message(Double lat, Double lon, String hint) {
        return new IncomingMessage("portal", "1", Instant.parse("2021-01-14T06:30:00Z"), "Не убран снег",
                lat, lon, null, hint, null, null, null);
    }

    private static Point point(double lat, double lon) {
        return RegionPack.GEOMETRY_FACTORY.createPoint(new Coordinate(lon, lat));
    }

    private static boolean coveredByAny(RegionPack pack, double lat, double lon) {
        Point point = point(lat, lon);
        return pack.boundaries().values().stream().anyMatch(boundary -> boundary.covers(point));
    }

    /** Rough distance in metres from the point to the boundary (fine at these scales). */
    private static double metresTo(Geometry boundary, double lat, double lon) {
        Coordinate nearest = org.locationtech.jts.operation.distance.DistanceOp
                .nearestPoints(boundary, point(lat, lon))[0];
        double dy = (nearest.y - lat) * METRES_PER_DEGREE;
        double dx = (nearest.x - lon) * METRES_PER_DEGREE * Math.cos(Math.toRadians(lat));
        return Math.hypot(dx, dy);
    }

    @Test
    void packsHaveABoundaryForEveryMunicipality() {
        assertThat(spb.boundaries().keySet()).containsExactlyElementsOf(
                spb.region().municipalities().stream().map(Municipality::id).toList());
        assertThat(kursk.boundaries().keySet()).containsExactlyElementsOf(
                kursk.region().municipalities().stream().map(Municipality::id).toList());
    }

    @Test
    void pointInCentralKolpinoIsInKolpino() {
        String kolpino = id(spb.region(), "город Колпино");
        assertThat(spbLocator.byCoordinates(59.750, 30.589)).contains(kolpino);
        assertThat(spbLocator.locate(message(59.750, 30.589, null))).isEqualTo(new Location(kolpino, "coordinates"));
    }

    @Test
    void pointsInCentralSaintPetersburgAreInTheirOkrugs() {
        // The Winter Palace, Dvortsovaya Square.
        assertThat(spbLocator.byCoordinates(59.9398, 30.3146))
                .contains(id(spb.region(), "муниципальный округ Дворцовый округ"));
        // Pushkin, the Catherine Palace.
        assertThat(spbLocator.byCoordinates(59.7159, 30.3955)).contains(id(spb.region(), "город Пушкин"));
    }

    @Test
    void coordinatesWinOverAContradictingHint() {
        assertThat(spbLocator.locate(message(59.750, 30.589, "муниципальный округ №65")))
                .isEqualTo(new Location(id(spb.region(), "город Колпино"), "coordinates"));
    }

    @Test
    void pointInTheGulfOfFinlandFallsBackToTheHint() {
        double lat = 60.00;
        double lon = 29.40;
        assertThat(coveredByAny(spb, lat, lon)).isFalse();
        assertThat(spbLocator.byCoordinates(lat, lon)).isEmpty();

        assertThat(spbLocator.locate(message(lat, lon, "муниципальный округ №65")))
                .isEqualTo(new Location(id(spb.region(), "муниципальный округ N 65"), "hint"));
        assertThat(spbLocator.locate(message(lat, lon, "муниципальный округ Сергиевское")))
                .isEqualTo(new Location(id(spb.region(), "муниципальный округ Парнас"), "hint"));
        assertThat(spbLocator.locate(message(lat, lon, null))).isEqualTo(Location.unknown());
        assertThat(spbLocator.locate(message(lat, lon, "Москва"))).isEqualTo(Location.unknown());
    }

    @Test
    void messageWithoutCoordinatesIsPlacedByItsHint() {
        assertThat(spbLocator.locate(message(null, null, "г. Колпино")))
                .isEqualTo(new Location(id(spb.region(), "город Колпино"), "hint"));
        assertThat(spbLocator.locate(message(null, null, "МО Ланское")))
                .isEqualTo(new Location(id(spb.region(), "муниципальный округ Черная речка"), "hint"));
        assertThat(spbLocator.locate(message(null, null, "Невский район"))).isEqualTo(Location.unknown());
        assertThat(spbLocator.locate(message(null, null, null))).isEqualTo(new Location("unknown", "none"));
    }

    @Test
    void pointJustOutsideTheRegionGoesToTheNearestMunicipality() {
        // About 85 m east of the easternmost corner of Kolpino (fields of the Leningrad oblast).
        String kolpino = id(spb.region(), "город Колпино");
        double lat = 59.75473;
        double lon = 30.76100;
        assertThat(coveredByAny(spb, lat, lon)).isFalse();
        assertThat(metresTo(spb.boundaries().get(kolpino), lat, lon)).isBetween(50.0, 100.0);

        assertThat(spbLocator.byCoordinates(lat, lon)).contains(kolpino);
        assertThat(spbLocator.containing(lat, lon)).isEmpty();
        assertThat(spbLocator.locate(message(lat, lon, "муниципальный округ №65")))
                .isEqualTo(new Location(kolpino, "coordinates"));
    }

    @Test
    void pointOffTheShoreWithinTheToleranceGoesToTheNearestMunicipality() {
        // About 90 m south of the southernmost point of Pushkin, and about 550 m south of it.
        String pushkin = id(spb.region(), "город Пушкин");
        Coordinate southernmost = null;
        for (Coordinate corner : spb.boundaries().get(pushkin).getCoordinates()) {
            if (southernmost == null || corner.y < southernmost.y) {
                southernmost = corner;
            }
        }
        double near = southernmost.y - 0.0008;
        double far = southernmost.y - 0.005;
        assertThat(coveredByAny(spb, near, southernmost.x)).isFalse();
        assertThat(coveredByAny(spb, far, southernmost.x)).isFalse();

        assertThat(spbLocator.byCoordinates(near, southernmost.x)).contains(pushkin);
        assertThat(spbLocator.byCoordinates(far, southernmost.x)).isEmpty();
    }

    @Test
    void pointInTheCityOfKurskIsInTheCityNotInTheDistrictAroundIt() {
        String city = id(kursk.region(), "Курск");
        String district = id(kursk.region(), "Курский район");
        // The city is a hole in the district: the district's outline encloses the point, its area does not.
        assertThat(kursk.boundaries().get(district).getEnvelopeInternal().contains(36.193, 51.730)).isTrue();
        assertThat(kursk.boundaries().get(district).covers(point(51.730, 36.193))).isFalse();

        assertThat(kurskLocator.byCoordinates(51.730, 36.193)).contains(city);
        assertThat(kurskLocator.containing(51.730, 36.193)).contains(city);
        assertThat(kurskLocator.locate(message(51.730, 36.193, "Курский район")))
                .isEqualTo(new Location(city, "coordinates"));
    }

    @Test
    void pointOutsideKurskOblastIsNotPlacedByCoordinates() {
        // Moscow.
        assertThat(kurskLocator.byCoordinates(55.7558, 37.6173)).isEmpty();
        assertThat(kurskLocator.locate(message(55.7558, 37.6173, "г. Обоянь")))
                .isEqualTo(new Location(id(kursk.region(), "Обоянский район"), "hint"));
    }
}
