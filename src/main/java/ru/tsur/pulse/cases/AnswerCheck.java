package ru.tsur.pulse.cases;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The answer-quality check before an answer is sent: the flags {@link AnswerQuality} would put on the text
 * now, against the same window of earlier answers the move itself compares with (so what the executor is
 * warned about is what the answer will be recorded with). Used by {@code POST /api/v1/answers/check} and by
 * the executor's inbox while the executor types.
 */
@ApplicationScoped
public class AnswerCheck {

    private final CaseRepository repository;
    private final AnswerQuality quality;
    private final CasesConfig config;
    private final Pool pool;

    public AnswerCheck(CaseRepository repository, AnswerQuality quality, CasesConfig config, Pool pool) {
        this.repository = repository;
        this.quality = quality;
        this.config = config;
        this.pool = pool;
    }

    /** The flags of the text (empty: a good answer). */
    public Uni<List<String>> flags(String text) {
        // Stemming the earlier answers is CPU work: on a worker, not the event loop.
        return repository.earlierAnswers(pool, config.boilerplateWindow())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(earlier -> quality.flags(text, earlier));
    }
}
