package ru.tsur.pulse.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The region pack's metadata: its taxonomy and municipalities (geometry is kept by the locator).
 */
public record Region(String id, String name, String timeZone, String attribution, List<Category> categories,
                     List<Municipality> municipalities) {

    /**
     * Municipality id → name, in the pack's order (the first of a repeated id wins): what every screen, API and
     * text that names municipalities for people reads.
     */
    public Map<String, String> municipalityNames() {
        Map<String, String> names = new LinkedHashMap<>();
        municipalities.forEach(municipality -> names.putIfAbsent(municipality.id(), municipality.name()));
        return Collections.unmodifiableMap(names);
    }

    /** Category id → name, in the pack's order (the first of a repeated id wins). */
    public Map<String, String> categoryNames() {
        Map<String, String> names = new LinkedHashMap<>();
        categories.forEach(category -> names.putIfAbsent(category.id(), category.name()));
        return Collections.unmodifiableMap(names);
    }

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
