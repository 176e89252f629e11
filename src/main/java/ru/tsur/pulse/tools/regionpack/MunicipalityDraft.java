package ru.tsur.pulse.tools.regionpack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One municipality while its region pack is being built: the fields of {@code region.json} (aliases still
 * growing as the data adds spellings) and the boundary as read from the reference GeoJSON.
 */
final class MunicipalityDraft {

    /** Aliases are listed case-insensitively, then by their exact spelling. */
    static final Comparator<String> ALIAS_ORDER = Comparator.comparing((String alias) -> alias.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    final String id;
    final String name;
    final String shortName;
    final JsonNode geometry;
    final Set<String> aliases = new TreeSet<>();
    String district;
    Integer population;

    MunicipalityDraft(String id, String name, String shortName, JsonNode geometry) {
        this.id = id;
        this.name = name;
        this.shortName = shortName;
        this.geometry = geometry;
    }

    /** The municipality as listed in {@code region.json}. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("shortName", shortName);
        json.put("district", district);
        json.put("aliases", aliases.stream().sorted(ALIAS_ORDER).toList());
        json.put("population", population);
        return json;
    }

    /** The municipality as a feature of {@code municipalities.geojson}: id, name, boundary at 5 decimals. */
    Map<String, Object> feature() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", id);
        properties.put("name", name);
        Map<String, Object> boundary = new LinkedHashMap<>();
        boundary.put("type", geometry.path("type").asText());
        boundary.put("coordinates", rounded(geometry.path("coordinates")));
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("properties", properties);
        feature.put("geometry", boundary);
        return feature;
    }

    /** Positions become {@code [lon, lat]} rounded to 5 decimals (about a metre); whole numbers stay whole. */
    private static Object rounded(JsonNode coordinates) {
        if (coordinates.size() > 0 && coordinates.get(0).isNumber()) {
            return List.of(coordinate(coordinates.get(0)), coordinate(coordinates.get(1)));
        }
        java.util.ArrayList<Object> list = new java.util.ArrayList<>(coordinates.size());
        coordinates.forEach(child -> list.add(rounded(child)));
        return list;
    }

    private static Object coordinate(JsonNode number) {
        return number.isIntegralNumber() ? (Object) number.asLong() : (Object) PackJson.round(number.asDouble(), 5);
    }
}
