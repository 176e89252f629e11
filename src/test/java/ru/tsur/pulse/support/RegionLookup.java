package ru.tsur.pulse.support;

import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.domain.Region;

/**
 * Finds ids in the loaded region pack by the names people use, so tests read like the data.
 */
public final class RegionLookup {

    private RegionLookup() {
    }

    public static String municipalityId(Region region, String name) {
        return region.municipalities().stream().filter(municipality -> municipality.name().equals(name))
                .map(Municipality::id).findFirst()
                .orElseThrow(() -> new AssertionError("No municipality named " + name));
    }

    public static String categoryId(Region region, String name) {
        return region.categories().stream().filter(category -> category.name().equals(name))
                .map(Category::id).findFirst()
                .orElseThrow(() -> new AssertionError("No category named " + name));
    }
}
