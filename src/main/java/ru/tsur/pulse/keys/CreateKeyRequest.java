package ru.tsur.pulse.keys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The body of {@code POST /api/v1/admin/keys}: a name people recognise, the {@code source} values the key may
 * post as, and optionally when it expires (ISO-8601 with offset; absent: after the default lifetime).
 */
public record CreateKeyRequest(
        @NotBlank(message = "обязательное поле")
        @Size(max = 200, message = "не длиннее 200 символов")
        String name,
        @NotEmpty(message = "нужен хотя бы один источник")
        @Size(max = 50, message = "не больше 50 источников")
        List<@NotNull(message = "источник не может быть null")
             @Pattern(regexp = KeyFormat.SOURCE_PATTERN,
                      message = "источник — от 1 до 64 символов a-z, 0-9, _ . -, начиная с буквы или цифры")
             String> sources,
        OffsetDateTime expiresAt) {
}
