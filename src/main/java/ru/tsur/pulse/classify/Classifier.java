package ru.tsur.pulse.classify;

import ru.tsur.pulse.domain.Classification;
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
}
