package ru.tsur.pulse.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import ru.tsur.pulse.classify.Classifier;
import ru.tsur.pulse.classify.KeywordClassifier;
import ru.tsur.pulse.config.PulseConfig;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;

/**
 * Wires the plain decision classes (normalizer, classifier, locator) for the configured region pack.
 * The only place that knows which implementation serves; the classes themselves know nothing of CDI.
 */
@ApplicationScoped
public class RegionProducers {

    @Produces
    @Singleton
    RegionPack regionPack(PulseConfig config, ObjectMapper json) {
        return RegionPack.load(config.region(), json);
    }

    @Produces
    @Singleton
    Region region(RegionPack pack) {
        return pack.region();
    }

    @Produces
    @Singleton
    TextNormalizer textNormalizer() {
        return new TextNormalizer();
    }

    @Produces
    @Singleton
    Classifier classifier(Region region, TextNormalizer normalizer) {
        return new KeywordClassifier(region.categories(), normalizer);
    }

    @Produces
    @Singleton
    MunicipalityLocator municipalityLocator(RegionPack pack) {
        return new MunicipalityLocator(pack);
    }
}
