package ru.tsur.pulse.pages;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's mini map: outlines fitted into the box with the latitude's aspect, points placed in it. */
class MiniMapTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static Geometry square(double lon, double lat, double side) {
        return GEOMETRY.createPolygon(new Coordinate[]{new Coordinate(lon, lat), new Coordinate(lon + side, lat),
                new Coordinate(lon + side, lat + side), new Coordinate(lon, lat + side), new Coordinate(lon, lat)});
    }

    @Test
    void twoMunicipalitiesSideBySideFillTheBoxAtTheEquatorAndPointsLandWhereTheyLie() {
        Map<String, Geometry> boundaries = new LinkedHashMap<>();
        boundaries.put("west", square(0, 0, 1));
        boundaries.put("east", square(1, 0, 1));
        MiniMap map = new MiniMap(boundaries);

        // 2°×1° at the equator in a 140×100 box with a 4 px margin: 66 px a degree, centred vertically.
        assertThat(map.area("west")).isEqualTo("M4.0 83.0L70.0 83.0L70.0 17.0L4.0 17.0Z");
        assertThat(map.outlines()).isEqualTo(map.area("west") + map.area("east"));
        assertThat(map.point(0.5, 1.0)).contains(new MiniMap.Point(70.0, 50.0));
        assertThat(map.point(5.0, 1.0)).isEmpty();
        assertThat(map.point(null, 1.0)).isEmpty();
        assertThat(map.area("nowhere")).isEmpty();
        assertThat(map.area(null)).isEmpty();
    }

    @Test
    void atSixtyDegreesNorthADegreeOfLongitudeIsHalfAsWideAsOneOfLatitude() {
        MiniMap map = new MiniMap(Map.of("square", square(30, 59.5, 1)));
        MiniMap.Point west = map.point(60.0, 30.0).orElseThrow();
        MiniMap.Point east = map.point(60.0, 31.0).orElseThrow();
        MiniMap.Point north = map.point(60.5, 30.0).orElseThrow();
        MiniMap.Point south = map.point(59.5, 30.0).orElseThrow();
        double width = east.x() - west.x();
        double height = south.y() - north.y();
        assertThat(width / height).isCloseTo(Math.cos(Math.toRadians(60)), org.assertj.core.data.Offset.offset(0.01));
    }
}
