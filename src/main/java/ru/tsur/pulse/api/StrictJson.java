package ru.tsur.pulse.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import ru.tsur.pulse.normalize.ControlCharacters;

import java.io.IOException;

/**
 * Makes the service's one {@link ObjectMapper} strict about what it reads, for every request body at once:
 * a repeated key is an error (which of two values was meant is a guess), so is anything after the JSON
 * value, and a string holding a control character (NUL, terminal escapes; tab and line breaks are fine) or
 * an unpaired surrogate is refused with the field named — such text never reaches PostgreSQL or a screen.
 * The ingest parser reads trees and checks its fields itself, with the same rules.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        SimpleModule strings = new SimpleModule("pulse-clean-strings");
        strings.addDeserializer(String.class, new CleanStringDeserializer());
        mapper.registerModule(strings);
    }

    /** Jackson's own string reading, then the control-character check. */
    static final class CleanStringDeserializer extends StdScalarDeserializer<String> {

        CleanStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && parser.currentToken() == JsonToken.VALUE_STRING) {
                int forbidden = ControlCharacters.firstForbidden(value, true);
                if (forbidden >= 0) {
                    // Our own message, not Jackson's: its messages quote the whole value, which may be huge.
                    throw JsonMappingException.from(parser, "содержит недопустимый управляющий символ "
                            + ControlCharacters.describe(value, forbidden) + " (позиция " + forbidden + ")");
                }
            }
            return value;
        }
    }
}
