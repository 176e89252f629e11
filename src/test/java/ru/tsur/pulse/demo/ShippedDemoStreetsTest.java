package ru.tsur.pulse.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.RegionPack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streets the region packs ship for the demo ({@code demo-streets.json}) are where they say: every street's
 * point lies strictly inside the boundary of the municipality it is listed under, and the service's locator
 * places it there; a municipality lists a street once and at most twelve. St Petersburg has streets for the 98
 * municipalities its data has addresses in; Kursk none (its data has no addresses or points).
 */
class ShippedDemoStreetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"spb, 98", "kursk, 0"})
    void everyStreetPointLiesInsideItsMunicipality(String regionId, int municipalitiesWithStreets) {
        RegionPack pack = RegionPack.load(regionId, JSON);
        DemoProfile profile = DemoProfile.load(regionId, JSON);
        MunicipalityLocator locator = new MunicipalityLocator(pack);
        List<String> outside = new ArrayList<>();
        int streets = 0;
        for (Map.Entry<String, List<DemoStreet>> municipality : profile.streets().entrySet()) {
            Geometry boundary = pack.boundaries().get(municipality.getKey());
            assertThat(boundary).as(municipality.getKey()).isNotNull();
            assertThat(municipality.getValue()).hasSizeBetween(1, 12);
            assertThat(municipality.getValue().stream().map(DemoStreet::name)).doesNotHaveDuplicates();
            for (DemoStreet street : municipality.getValue()) {
                streets++;
                boolean inside = boundary.contains(RegionPack.GEOMETRY_FACTORY.createPoint(
                        new Coordinate(street.lon(), street.lat())));
                if (!inside || !locator.containing(street.lat(), street.lon()).orElse("").equals(municipality.getKey())) {
                    outside.add(municipality.getKey() + ": " + street);
                }
            }
        }
        assertThat(outside).isEmpty();
        assertThat(profile.streets()).hasSize(municipalitiesWithStreets);
        assertThat(streets).isGreaterThanOrEqualTo(municipalitiesWithStreets * 5);
    }
}
