package ru.tsur.pulse.keys.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code POST /api/v1/admin/keys}: a name people recognise, the {@code source} values the key may
 * post as (each checked by {@link ru.tsur.pulse.keys.ApiKeys#create}, which names a bad one {@code sources[i]}), and optionally
 * when it expires (ISO-8601 with offset; absent: after the default lifetime).
 */
public record CreateKeyRequest(
        @NotBlank(message = "обязательное поле")
        @Size(max = 200, message = "не длиннее 200 символов")
        String name,
        @NotEmpty(message = "нужен хотя бы один источник")
        @Size(max = 50, message = "не больше 50 источников")
        List<String> sources,
        OffsetDateTime expiresAt) {
}
