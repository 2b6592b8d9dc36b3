package io.aftercare.problem;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON input means what it says: a number is not a string, an enum or a date, a string is not a boolean, and text
 * carries no control characters (a NUL in a name answered 500 before). Jackson coerces all of these by default;
 * clinics' systems that send them get a field-by-field 400 instead, and nothing is stored.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {

    /** Last, so that these deserializers stand over the Java time module's, which accepts epoch numbers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule strict = new SimpleModule("strict-json-input");
        strict.addDeserializer(String.class, new PlainText());
        strict.addDeserializer(OffsetDateTime.class, new TextOnly<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME));
        strict.addDeserializer(Instant.class, new TextOnly<>(Instant.class, InstantDeserializer.INSTANT));
        mapper.registerModule(strict);
    }

    /** A JSON string without control characters (tab, line feed and carriage return are text). */
    static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, String.class, "must be a JSON string");
            }
            String text = parser.getText();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                    throw MismatchedInputException.from(parser, String.class,
                            "must not contain control characters");
                }
            }
            return text;
        }
    }

    /** A date-time given as an ISO-8601 string, never as an epoch number. */
    static final class TextOnly<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> iso;

        TextOnly(Class<T> type, JsonDeserializer<T> iso) {
            super(type);
            this.iso = iso;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, handledType(),
                        "must be an ISO-8601 date-time string such as 2026-11-21T10:00:00+01:00");
            }
            return iso.deserialize(parser, context);
        }
    }
}
