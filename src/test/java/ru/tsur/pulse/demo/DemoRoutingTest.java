package ru.tsur.pulse.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import ru.tsur.pulse.classify.TrainedClassifier;
import ru.tsur.pulse.domain.IncomingMessage;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.Route;
import ru.tsur.pulse.locate.MunicipalityLocator;
import ru.tsur.pulse.locate.RegionPack;
import ru.tsur.pulse.normalize.TextNormalizer;
import ru.tsur.pulse.pipeline.DecisionPath;
import ru.tsur.pulse.privacy.PersonalDataMasker;
import ru.tsur.pulse.region.RegionModels;
import ru.tsur.pulse.route.RoutingTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor follows from what a demo message is about and where: generated messages (drawn from the demo's
 * mix, written by {@link DemoMessageGenerator#message} so the topic and municipality are known) go through the
 * production {@link DecisionPath} with the region's shipped model and routing table. With the routing table
 * deciding, every message is placed in its own municipality and routed exactly as the table routes its topic
 * there — every portal message (it carries its category and topic), and every social or hotline message whose
 * topic the model reads from the text as written. With the shipped setting
 * ({@code pulse.routing.model-confidence} 0.0) the model's executor head (text and place) decides instead; how
 * often it names the table's executor is measured and held to a floor (the README, «Demo», states the figures).
 */
class DemoRoutingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES = 1500;
    /** Above any probability: the executor head never decides, the routing table does. */
    private static final double TABLE_DECIDES = 1.01;
    /** The shipped {@code pulse.routing.model-confidence}. */
    private static final double SHIPPED_MODEL_CONFIDENCE = 0.0;

    /** One generated message with what it was generated about. */
    private record Generated(IncomingMessage message, String categoryId, String topic, String municipalityId) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"spb", "kursk"})
    void theRoutingTableSendsEveryMessageToTheExecutorOfItsTopicInItsMunicipality(String regionId) {
        Region region = new Region(regionId, TABLE_DECIDES);
        int social = 0;
        int sameReading = 0;
        List<String> wrong = new ArrayList<>();
        for (Generated generated : region.messages()) {
            PreparedMessage decided = region.path.decide(generated.message());
            Route expected = region.routing.route(generated.topic(), generated.categoryId(), generated.municipalityId());
            assertThat(decided.location().municipalityId()).as(generated.message().text())
                    .isEqualTo(generated.municipalityId());
            boolean sameTopic = generated.topic().equals(decided.classification().topic())
                    && generated.categoryId().equals(decided.classification().categoryId());
            if (!generated.message().source().equals("portal")) {
                social++;
                sameReading += sameTopic ? 1 : 0;
            } else {
                assertThat(sameTopic).as(generated.message().text()).isTrue();
            }
            if (sameTopic && !decided.route().equals(expected)) {
                wrong.add(generated + " -> " + decided.route() + ", table: " + expected);
            }
        }
        System.out.printf(Locale.ROOT, "%s: social and hotline messages whose topic the model reads as written: "
                + "%d of %d (%.1f%%)%n", regionId, sameReading, social, 100.0 * sameReading / social);
        assertThat(wrong).isEmpty();
        assertThat(sameReading / (double) social).isGreaterThanOrEqualTo(0.7);
    }

    @ParameterizedTest
    @CsvSource({"spb, 0.75", "kursk, 0.35"})
    void withTheShippedSettingTheExecutorHeadNamesTheTablesExecutorForMostMessages(String regionId, double floor) {
        Region region = new Region(regionId, SHIPPED_MODEL_CONFIDENCE);
        int same = 0;
        int total = 0;
        for (Generated generated : region.messages()) {
            Route routed = region.path.decide(generated.message()).route();
            total++;
            same += routed.executor().equals(region.routing.route(generated.topic(), generated.categoryId(),
                    generated.municipalityId()).executor()) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%s: with model-confidence %.1f the executor head names the table's executor "
                + "for %d of %d messages (%.1f%%)%n", regionId, SHIPPED_MODEL_CONFIDENCE, same, total, 100.0 * same / total);
        assertThat(same / (double) total).isGreaterThanOrEqualTo(floor);
    }

    /** A region's pack, demo generator and production decision path. */
    private static final class Region {

        final RegionPack pack;
        final DemoProfile profile;
        final RoutingTable routing;
        final DecisionPath path;
        final DemoMessageGenerator generator;

        Region(String regionId, double modelConfidence) {
            pack = RegionPack.load(regionId, JSON);
            profile = DemoProfile.load(regionId, JSON);
            TextNormalizer normalizer = new TextNormalizer();
            TrainedClassifier classifier = new TrainedClassifier(RegionModels.model(regionId).orElseThrow(),
                    pack.region().categories(), normalizer, 0.5, pack.region().districtsByMunicipality()::get);
            routing = RegionModels.routing(regionId).orElseThrow()
                    .withDistricts(pack.region().districtsByMunicipality()::get);
            path = new DecisionPath(normalizer, new PersonalDataMasker(), classifier, new MunicipalityLocator(pack),
                    routing, modelConfidence);
            generator = new DemoMessageGenerator(profile, pack, 7, "routing-test");
        }

        /** Messages drawn as {@link DemoMessageGenerator#next} draws them, each with what it is about. */
        List<Generated> messages() {
            SplittableRandom draws = new SplittableRandom(11);
            List<Generated> messages = new ArrayList<>(MESSAGES);
            for (int index = 0; index < MESSAGES; index++) {
                DemoProfile.CategoryMix category = pick(generator.mix(), draws);
                String topic = pick(category.topics(), draws);
                String municipality = pick(profile.municipalities(), draws);
                messages.add(new Generated(generator.message(Instant.EPOCH, municipality, category.categoryId(), topic),
                        category.categoryId(), topic, municipality));
            }
            return messages;
        }
    }

    static <T> T pick(List<DemoProfile.Weighted<T>> weighted, SplittableRandom random) {
        double total = weighted.stream().mapToDouble(DemoProfile.Weighted::weight).sum();
        double target = random.nextDouble() * total;
        for (DemoProfile.Weighted<T> item : weighted) {
            target -= item.weight();
            if (target < 0) {
                return item.item();
            }
        }
        return weighted.get(weighted.size() - 1).item();
    }
}
