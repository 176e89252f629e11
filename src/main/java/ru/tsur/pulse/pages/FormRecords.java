package ru.tsur.pulse.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/**
 * A page part reads an htmx form field by field, then checks the API's own request record built from them
 * (the same Bean Validation rules as the JSON body): a bad field is the same 400 problem+json, naming the
 * field, from the one mapper ({@code problems.ProblemMapper}) — so a form and the API refuse alike.
 */
@ApplicationScoped
public class FormRecords {

    private final Validator validator;

    public FormRecords(Validator validator) {
        this.validator = validator;
    }

    /** The record itself when it is valid; otherwise throws what Bean Validation on a body would. */
    public <T> T checked(T record) {
        Set<ConstraintViolation<T>> violations = validator.validate(record);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return record;
    }
}
