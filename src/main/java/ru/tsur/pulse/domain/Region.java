package ru.tsur.pulse.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The region pack's metadata: its taxonomy and municipalities (geometry is kept by the locator).
 */
public record Region(String id, String name, String timeZone, String attribution, List<Category> categories,
                     List<Municipality> municipalities) {

    /** The district of each municipality that has one (St Petersburg); empty where the region has none. */
    public Map<String, String> districtsByMunicipality() {
        Map<String, String> districts = new HashMap<>();
        for (Municipality municipality : municipalities) {
            if (municipality.district() != null) {
                districts.put(municipality.id(), municipality.district());
            }
        }
        return districts;
    }
}
