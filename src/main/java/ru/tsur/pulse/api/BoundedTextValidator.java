package ru.tsur.pulse.api;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link BoundedText} with {@link TextBounds}, the length read from {@link TextLimits} (so configured
 * limits apply without a rebuild). A bean of its own per constraint ({@code @Dependent}): it keeps the
 * annotation's kind, so one instance must never serve two constraints.
 */
@Dependent
public class BoundedTextValidator implements ConstraintValidator<BoundedText, String> {

    private final TextLimits limits;
    private TextLimit limit;

    public BoundedTextValidator(TextLimits limits) {
        this.limits = limits;
    }

    @Override
    public void initialize(BoundedText annotation) {
        this.limit = annotation.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = TextBounds.problem(value, limits.maxLength(limit), limit.multiline());
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // A literal message, not a template: nothing of the client's text is interpolated.
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{").replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }
}
