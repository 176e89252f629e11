package ru.tsur.pulse.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import ru.tsur.pulse.classify.Classifier;
import ru.tsur.pulse.classify.ClassifyConfig;
import ru.tsur.pulse.classify.KeywordClassifier;
import ru.tsur.pulse.config.PulseConfig;
import ru.tsur.pulse.domain.Region;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.classify.TrainedClassifier;
import ru.tsur.pulse.locate.Gazetteer;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.privacy.PersonalDataMasker;
import ru.tsur.pulse.route.DeadlineClass;
import ru.tsur.pulse.route.RoutingConfig;
import ru.tsur.pulse.route.RoutingOverrides;
import ru.tsur.pulse.route.RoutingTable;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Wires the plain decision classes (normalizer, masker, classifier, locator, routing table and the decision
 * path made of them) for the configured region pack.
 * The only place that knows which implementation serves; the classes themselves know nothing of CDI.
 */
@ApplicationScoped
public class RegionProducers {

    private static final Logger LOG = Logger.getLogger(RegionProducers.class);

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

    /** The region's trained model when its pack ships one, else the transparent keyword classifier. */
    @Produces
    @Singleton
    Classifier classifier(Region region, TextNormalizer normalizer, ClassifyConfig config) {
        return servingClassifier(region, normalizer, config.triageBelow());
    }

    /**
     * The classifier the service serves for {@code region}, built without CDI: the producer above, and the
     * offline import of history (tools.history), which must decide exactly as the service does.
     */
    public static Classifier servingClassifier(Region region, TextNormalizer normalizer, double triageBelow) {
        return RegionModels.model(region.id())
                .<Classifier>map(model -> {
                    LOG.infof("Classifier: trained model of %s (%s)", region.id(), model.description());
                    return new TrainedClassifier(model, region.categories(), normalizer, triageBelow,
                            region.districtsByMunicipality()::get);
                })
                .orElseGet(() -> {
                    LOG.warnf("Region %s ships no model.bin: the keyword classifier serves", region.id());
                    return new KeywordClassifier(region.categories());
                });
    }

    @Produces
    @Singleton
    MunicipalityLocator municipalityLocator(RegionPack pack) {
        return new MunicipalityLocator(pack, new Gazetteer(pack.region().municipalities()));
    }

    /**
     * The learned routing table with the control room's overrides on top; a broken overrides file stops
     * the start with every problem listed (better than routing silently wrong).
     */
    @Produces
    @Singleton
    RoutingTable routingTable(Region region, RoutingConfig config) {
        return servingRoutingTable(region, config.overridesFile().map(Path::of));
    }

    /**
     * The routing table the service serves for {@code region} with the overrides file, if any, built without
     * CDI (the producer above and the offline import of history).
     */
    public static RoutingTable servingRoutingTable(Region region, Optional<Path> overridesFile) {
        RoutingTable learned = RegionModels.routing(region.id()).orElseGet(() -> new RoutingTable(
                List.of(new RoutingTable.Row(RoutingTable.Level.DEFAULT, null, null, null,
                        "ЦУР: ручная маршрутизация", DeadlineClass.STANDARD, 0, 0)), null, RoutingOverrides.empty()));
        RoutingTable table = learned.withDistricts(region.districtsByMunicipality()::get);
        if (overridesFile.isEmpty()) {
            return table;
        }
        Path file = overridesFile.get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RoutingOverrides overrides = RoutingOverrides.read(reader, region);
            LOG.infof("Routing overrides: %d rules from %s", overrides.rules().size(), file);
            return table.withOverrides(overrides);
        } catch (IOException e) {
            throw new UncheckedIOException("Routing overrides file " + file + " cannot be read", e);
        }
    }

    @Produces
    @Singleton
    PersonalDataMasker personalDataMasker() {
        return new PersonalDataMasker();
    }

    @Produces
    @Singleton
    DecisionPath decisionPath(TextNormalizer normalizer, PersonalDataMasker masker, Classifier classifier,
                              MunicipalityLocator locator, RoutingTable routing, RoutingConfig config) {
        return new DecisionPath(normalizer, masker, classifier, locator, routing, config.modelConfidence());
    }
}
