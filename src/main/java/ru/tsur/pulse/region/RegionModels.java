package ru.tsur.pulse.region;

import ru.tsur.pulse.classify.ClassifierModel;
import ru.tsur.pulse.route.RoutingTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The trained parts of a region pack, read from the classpath: {@code regions/<id>/model.bin} (the
 * classifier) and {@code regions/<id>/routing.csv} (the learned routing table). A pack may lack them
 * (a new region before training): then the service falls back to the keyword classifier and a single
 * default route.
 */
public final class RegionModels {

    private RegionModels() {
    }

    public static Optional<ClassifierModel> model(String regionId) {
        try (InputStream stream = open("regions/" + regionId + "/model.bin")) {
            return stream == null ? Optional.empty() : Optional.of(ClassifierModel.read(stream));
        } catch (IOException e) {
            throw new UncheckedIOException("The model of region " + regionId + " cannot be read", e);
        }
    }

    public static Optional<RoutingTable> routing(String regionId) {
        try (InputStream stream = open("regions/" + regionId + "/routing.csv")) {
            if (stream == null) {
                return Optional.empty();
            }
            try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                return Optional.of(RoutingTable.read(reader));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The routing table of region " + regionId + " cannot be read", e);
        }
    }

    private static InputStream open(String path) {
        InputStream stream = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        return stream != null ? stream : RegionModels.class.getClassLoader().getResourceAsStream(path);
    }
}
