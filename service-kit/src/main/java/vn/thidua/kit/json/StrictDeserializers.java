package vn.thidua.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import vn.thidua.kit.input.InputRules;
import vn.thidua.kit.input.InvalidInputException;

/**
 * The REST layer's readers for texts, dates and enums: each takes exactly one JSON shape and
 * applies {@link InputRules}. No coercion: a number is not a text, {@code [2023,6,11]} or an epoch
 * day is not a date, {@code 1} or {@code "ACTIVITY "} is not an enum constant.
 */
final class StrictDeserializers {
    private StrictDeserializers() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("thidua-strict-input");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(LocalDate.class, new Date());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription beanDesc,
                                                              JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass());
            }
        });
        return module;
    }

    /** A JSON string, NFC-normalised, refused when {@link InputRules#textProblem} says so. */
    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValueException(p, "must be a text (a JSON string), not " + Shapes.of(p.currentToken()));
            }
            try {
                return InputRules.text("", p.getText());
            } catch (InvalidInputException e) {
                throw new RefusedValueException(p, e.reason());
            }
        }
    }

    /** A JSON string {@code yyyy-MM-dd} within the dates the domain accepts. */
    static final class Date extends StdScalarDeserializer<LocalDate> {
        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValueException(p, "must be a date written \"yyyy-MM-dd\" (a JSON string), not " + Shapes.of(p.currentToken()));
            }
            try {
                return InputRules.date("", p.getText());
            } catch (InvalidInputException e) {
                throw new RefusedValueException(p, e.reason());
            }
        }
    }

    /** An enum constant by its exact name, as a JSON string. */
    static final class ExactEnum<E extends Enum<E>> extends StdScalarDeserializer<E> {
        private final Class<E> type;

        ExactEnum(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        public E deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValueException(p, "must be one of " + InputRules.constantNames(type) + " (a JSON string)");
            }
            try {
                return InputRules.constant("", p.getText(), type);
            } catch (InvalidInputException e) {
                throw new RefusedValueException(p, e.reason());
            }
        }
    }

    /** Plain words for a JSON token, for messages. */
    static final class Shapes {
        private Shapes() {
        }

        static String of(JsonToken token) {
            if (token == null) {
                return "nothing";
            }
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                case VALUE_NULL -> "null";
                case VALUE_STRING -> "a text";
                default -> "another kind of value";
            };
        }
    }
}
