package io.aftercare.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The contracts between the services, one per event type and one for guidance's plan answer: a JSON Schema
 * ({@code contracts/schemas/}) and a full example of it ({@code contracts/examples/}). Producers' tests check what they
 * really publish with {@link #assertValid}; consumers' tests read the example into their own records with
 * {@link #readFully}. A field renamed on one side fails a test on the other.
 */
public enum Contract {

    REMINDER_DUE("reminder-due"), NOTIFICATION_STATUS("notification-status"), RECIPIENT_PREFERENCE_CHANGED(
            "recipient-preference-changed"), PROTOCOL_PUBLISHED(
                    "protocol-published"), PATIENT_REPLIED(
                            "patient-replied"), GUIDANCE_PLAN("guidance-plan"), CLINIC_PROFILE(
                                    "clinic-profile"), CREDENTIAL_REVOKED(
                                            "credential-revoked"), REPLY_HANDLED("reply-handled");

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaRegistryConfig(
                    // "format" is only an annotation in 2020-12 unless asked for: a date that is not a date fails.
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final String name;

    Contract(String name) {
        this.name = name;
    }

    /** What the JSON breaks of the schema; empty when it keeps to it. */
    public List<String> violations(String json) {
        return schema().validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    /** @throws AssertionError naming every violation, when the JSON does not keep to the schema */
    public void assertValid(String json) {
        List<String> violations = violations(json);
        if (!violations.isEmpty()) {
            throw new AssertionError("not a valid " + name + " (contracts/schemas/" + name + ".schema.json): "
                    + violations + " in " + json);
        }
    }

    /** The full example, every field given; checked against the schema before it is handed out. */
    public String example() {
        String example = resource("contracts/examples/" + name + ".json");
        assertValid(example);
        return example;
    }

    /**
     * Reads the example as a consumer does and checks that every field the consumer's record declares (into nested
     * records and lists of them) received a value: a field the producer renamed or dropped would be null.
     */
    public <T> T readFully(ObjectMapper consumersMapper, Class<T> type) {
        try {
            T read = consumersMapper.readValue(example(), type);
            List<String> missing = new ArrayList<>();
            missingComponents(read, type.getSimpleName(), missing);
            if (!missing.isEmpty()) {
                throw new AssertionError(type.getName() + " reads nothing into " + missing + " from the " + name
                        + " example: the contract and the consumer disagree");
            }
            return read;
        } catch (IOException e) {
            throw new AssertionError(type.getName() + " cannot read the " + name + " example: " + e.getMessage(), e);
        }
    }

    private static void missingComponents(Object value, String path, List<String> missing) {
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String at = path + "." + component.getName();
            if (field == null) {
                missing.add(at);
            } else if (field instanceof Collection<?> items
                    && component.getGenericType() instanceof ParameterizedType) {
                items.forEach(item -> missingComponents(item, at + "[]", missing));
            } else {
                missingComponents(field, at, missing);
            }
        }
    }

    private Schema schema() {
        try (InputStream in = stream("contracts/schemas/" + name + ".schema.json")) {
            return SCHEMAS.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String path) {
        InputStream in = Contract.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("no " + path + " on the class path");
        }
        return in;
    }
}
