package ru.tsur.pulse.pages;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import ru.tsur.pulse.locate.RegionPack;

/** The shared pieces of the pages for people that are built once: the region's mini map. */
public class PageProducers {

    @Produces
    @Singleton
    MiniMap miniMap(RegionPack pack) {
        return new MiniMap(pack.boundaries());
    }
}
