package ru.tsur.pulse.classify;

import ru.tsur.pulse.domain.Classification;
import java.util.Optional;
import ru.tsur.pulse.domain.IncomingMessage;

/**
 * Decides a message's category (and topic where it can). The pipeline's classify stage calls it for
 * every message; implementations are plain, thread-safe and fast (no I/O).
 */
public interface Classifier {

    /**
     * @param message        the message as received (a category given by the source is kept)
     * @param normalizedText its text after {@link ru.tsur.pulse.normalize.TextNormalizer#normalize}
     */
    Classification classify(IncomingMessage message, String normalizedText);

    /**
     * The executor this classifier would send the message to, from its text and place, when it has
     * learned that (the trained model does; the keyword classifier does not).
     */
    default Optional<Classification.Candidate> executor(String normalizedText, String municipalityId) {
        return Optional.empty();
    }
}
