package ru.tsur.pulse.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * How the typed request records of the REST API (the records in a feature's {@code api} package, e.g.
 * {@code alerts.api.SilenceRequest}) are bound from JSON, beside {@link StrictJson}'s rules for reading it:
 * a field the record does not have is a 400 naming it ("неизвестное поле") — a misspelt {@code "resaon"} must
 * not be dropped without a word, and nothing a client sends passes unchecked — and a number or true/false
 * where a text belongs is a 400 too ({@code {"by":42}}), not read as its digits.
 */
@Singleton
public class TypedBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.addHandler(new UnknownFieldsRefused());
    }

    /** Whether the type is one of the request or response records of an {@code api} package of the service. */
    static boolean isApiRecord(Class<?> type) {
        String name = type.getPackageName();
        return type.isRecord() && name.startsWith("ru.tsur.pulse.") && name.endsWith(".api");
    }

    /** Jackson asks this first about a field no property takes; for an API record the answer is a refusal. */
    static final class UnknownFieldsRefused extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> declared ? declared : beanOrClass.getClass();
            if (isApiRecord(type)) {
                throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName, deserializer.getKnownPropertyNames());
            }
            return false;
        }
    }
}
