package ru.tsur.pulse.cases.api;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Answer of {@code POST /api/v1/answers/check}: whether the answer looks like an «отписка», the warning line
 * that says so in Russian, and each flag with its explanation. A flagged answer may still be sent; it is
 * recorded with these flags.
 */
@RegisterForReflection
public record AnswerCheckResult(
        @Schema(description = "Whether any flag is set") boolean flagged,
        @Schema(description = "The warning in Russian, e.g. «похоже на отписку: нет срока и действия»; null when not flagged")
        String warning,
        @Schema(description = "The flags (too_short, no_action, boilerplate), each with its explanation") List<Flag> flags) {

    /** One flag and what it means. */
    @RegisterForReflection
    public record Flag(String flag, String explanation) {
    }
}
