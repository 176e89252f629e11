package ru.tsur.pulse.tools.training;

import ru.tsur.pulse.domain.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns operators' corrections into labelled training examples and adds them to a region's training data —
 * the one path by which corrections reach training, for {@code train --with-corrections} and for the
 * correction experiment alike. An example is the masked text the operator saw with the labels the operator
 * gave and the municipality the service placed the message in. A weight of w adds each example w times: the
 * trainers have no per-example weights, and copies of one example share its id, so they fall together into
 * the training part or the held-out tenth that calibrates the probabilities.
 */
public final class CorrectionExamples {

    /**
     * How many times each correction counts by default: once, like any labelled row. On St Petersburg, weights
     * 2 and 3 bought nothing over 1 beyond noise (README, «Learning from operators' corrections»), and a weight
     * above 1 makes one operator's slip count more than a row of the data.
     */
    public static final int DEFAULT_WEIGHT = 1;

    private CorrectionExamples() {
    }

    /** The labelled example a correction makes: its id {@code correction:<message id>}. */
    public static LabelledMessage example(Correction correction) {
        String municipality = correction.municipalityId() == null
                || Location.UNKNOWN_ID.equals(correction.municipalityId()) ? null : correction.municipalityId();
        return new LabelledMessage("correction:" + correction.messageId(), correction.maskedText(),
                correction.categoryId(), correction.topic(), correction.executor(), null, null, null, null, null,
                municipality);
    }

    /** The training data followed by each correction's example, {@code weight} times in a row. */
    public static List<LabelledMessage> withCorrections(List<LabelledMessage> data, List<Correction> corrections,
                                                        int weight) {
        if (weight < 1) {
            throw new IllegalArgumentException("A correction's weight must be at least 1, not " + weight);
        }
        List<LabelledMessage> merged = new ArrayList<>(data.size() + corrections.size() * weight);
        merged.addAll(data);
        for (Correction correction : corrections) {
            LabelledMessage example = example(correction);
            for (int copy = 0; copy < weight; copy++) {
                merged.add(example);
            }
        }
        return merged;
    }
}
