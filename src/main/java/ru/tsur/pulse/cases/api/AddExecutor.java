package ru.tsur.pulse.cases.api;

import jakarta.validation.constraints.NotBlank;
import ru.tsur.pulse.api.BoundedText;
import ru.tsur.pulse.api.TextBounds;
import ru.tsur.pulse.api.TextLimit;

/** Body of {@code POST /api/v1/admin/executors}: an executor the routing table does not name yet. */
public record AddExecutor(@NotBlank(message = TextBounds.REQUIRED) @BoundedText(TextLimit.EXECUTOR) String name) {

    public AddExecutor {
        name = TextBounds.clean(name);
    }
}
