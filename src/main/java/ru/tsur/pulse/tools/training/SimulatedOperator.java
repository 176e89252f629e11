package ru.tsur.pulse.tools.training;

import ru.tsur.pulse.domain.Category;
import ru.tsur.pulse.domain.Classification;
import ru.tsur.pulse.domain.PreparedMessage;
import ru.tsur.pulse.domain.Region;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator of the correction experiment: goes through messages in the order they arrived and, for each
 * one the service flagged for triage, does what an operator does on the console — confirms or corrects it
 * with its true labels — and leaves a {@link Correction} exactly as the console stores one: the display copy
 * the service made (normalized, personal data masked), the municipality it placed the message in, the
 * model's answer and the operator's. Message ids are the position in arrival order, as the service's own
 * message ids would be. A triaged message whose true category is not one of the region's cannot be labelled
 * and is counted apart.
 */
final class SimulatedOperator {

    /** Who the simulated corrections are by. */
    static final String OPERATOR = "simulated-operator";

    /** What the operator did over a period: the corrections and how many messages were seen and touched. */
    record Work(List<Correction> corrections, int messages, int triaged, int unlabelled) {

        long confirmed() {
            return corrections.stream().filter(Correction::confirmed).count();
        }

        long categoryChanged() {
            return corrections.stream().filter(correction -> !correction.categoryId().equals(correction.categoryBefore()))
                    .count();
        }
    }

    private final Region region;

    SimulatedOperator(Region region) {
        this.region = region;
    }

    /**
     * @param rows      the labelled messages of the period, in arrival order (their {@code createdAt} the
     *                  region's local time)
     * @param decisions what the service decided about each, in the same order
     */
    Work correct(List<LabelledMessage> rows, List<PreparedMessage> decisions) {
        if (rows.size() != decisions.size()) {
            throw new IllegalArgumentException(rows.size() + " messages but " + decisions.size() + " decisions");
        }
        ZoneId zone = ZoneId.of(region.timeZone());
        List<Correction> corrections = new ArrayList<>();
        int triaged = 0;
        int unlabelled = 0;
        for (int index = 0; index < rows.size(); index++) {
            PreparedMessage decided = decisions.get(index);
            Classification said = decided.classification();
            if (!said.triage()) {
                continue;
            }
            triaged++;
            LabelledMessage truth = rows.get(index);
            Optional<String> category = ModelTraining.category(region, truth.category()).map(Category::id);
            if (category.isEmpty()) {
                unlabelled++;
                continue;
            }
            boolean confirmed = category.get().equals(said.categoryId()) && Objects.equals(truth.topic(), said.topic());
            corrections.add(new Correction(index + 1L, region.id(), decided.displayText(),
                    decided.location().municipalityId(), said.categoryId(), said.topic(), category.get(),
                    truth.topic(), truth.executor(), confirmed, OPERATOR,
                    truth.createdAt() == null ? java.time.Instant.EPOCH : truth.createdAt().atZone(zone).toInstant()));
        }
        return new Work(corrections, rows.size(), triaged, unlabelled);
    }
}
