package ru.tsur.pulse.api;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request field of a bounded {@link TextLimit} kind: at most its (possibly configured) length, and on one
 * line unless the kind is multi-line. Null passes (pair it with {@code @NotBlank} when the field is
 * required). The message names the limit, e.g. «не длиннее 500 символов (получено 1048576)».
 */
@Documented
@Constraint(validatedBy = BoundedTextValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface BoundedText {

    /** Which bound applies. */
    TextLimit value();

    String message() default "неверный текст";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
