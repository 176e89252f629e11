package ru.tsur.pulse.tools.training;

import ru.tsur.pulse.classify.ClassifierModel;
import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.Location;
import ru.tsur.pulse.domain.Municipality;
import ru.tsur.pulse.locate.Gazetteer;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.route.RoutingTable;
import ru.tsur.pulse.route.RoutingTableTrainer;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a region learns from labelled messages: the classifier model and the routing table. The
 * municipality of a training row is the one the service placed it in when the row says so (an operator's
 * correction), else it comes from its point (St Petersburg) or, without one, from the places its text names,
 * else its executor's own name (Kursk: «Администрация Льговского района»).
 */
public final class RegionTraining {

    /** What training produced. */
    public record Trained(ClassifierModel model, RoutingTable routing) {
    }

    private final RegionPack pack;
    private final MunicipalityLocator locator;
    private final Gazetteer gazetteer;
    private final Function<String, String> districtOf;

    public RegionTraining(RegionPack pack) {
        this.pack = pack;
        this.gazetteer = new Gazetteer(pack.region().municipalities());
        this.locator = new MunicipalityLocator(pack, gazetteer);
        Map<String, String> districts = pack.region().districtsByMunicipality();
        this.districtOf = districts.isEmpty() ? null : districts::get;
    }

    public Function<String, String> districtOf() {
        return districtOf;
    }

    public Trained train(List<LabelledMessage> messages, String description) {
        ClassifierModel model = new ModelTraining(pack.region()).train(messages, description, this::servedPlace);
        return new Trained(model, trainRouting(messages));
    }

    public RoutingTable trainRouting(List<LabelledMessage> messages) {
        List<RoutingTableTrainer.LabelledRow> rows = messages.stream()
                .filter(message -> message.executor() != null)
                .map(message -> new RoutingTableTrainer.LabelledRow(message.topic(),
                        ModelTraining.category(pack.region(), message.category()).map(Category::id).orElse(null),
                        municipalityOf(message), message.executor()))
                .toList();
        RoutingTableTrainer.Options options = RoutingTableTrainer.Options.defaults();
        if (districtOf != null) {
            options = options.withDistricts(districtOf);
        }
        return RoutingTableTrainer.train(rows, options);
    }

    /**
     * Where serving would place a training row: where it did place it (a correction), else by its point, else
     * by the places its text names — never by its executor, which serving does not know.
     */
    String[] servedPlace(LabelledMessage message) {
        if (message.municipalityId() != null) {
            return new String[]{message.municipalityId(), districtOf == null ? null : districtOf.apply(message.municipalityId())};
        }
        IncomingMessage incoming = new IncomingMessage("training", message.id(), java.time.Instant.EPOCH,
                message.text(), message.lat(), message.lon(), null, null, null, null, null);
        Location location = locator.locate(incoming);
        String municipality = location.isKnown() ? location.municipalityId() : null;
        return new String[]{municipality, municipality == null || districtOf == null ? null : districtOf.apply(municipality)};
    }

    /** Where a training row happened, as well as the data tells. */
    String municipalityOf(LabelledMessage message) {
        if (message.municipalityId() != null) {
            return message.municipalityId();
        }
        if (message.lat() != null && message.lon() != null) {
            return locator.byCoordinates(message.lat(), message.lon())
                    .orElseGet(() -> RoutingTableTrainer.municipalityOf(gazetteer, message.text(), message.executor()));
        }
        return RoutingTableTrainer.municipalityOf(gazetteer, message.text(), message.executor());
    }
}
