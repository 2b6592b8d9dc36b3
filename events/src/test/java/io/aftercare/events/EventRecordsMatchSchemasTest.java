package io.aftercare.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.aftercare.contracts.Contract;

/**
 * Each event record and its JSON Schema say the same thing: the schema's full example reads into the record with every
 * component set, the record written back keeps to the schema and reads back equal, and the schema's properties and
 * the record's components are the same names, nested records included. The services' own EventContractsTest classes
 * check what they really publish; this one checks the definitions they share.
 */
class EventRecordsMatchSchemasTest {

    /** Quarkus's default ObjectMapper, as the services' Kafka serializers and deserializers get it. */
    private static final ObjectMapper SERVICES = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Fails on a field it does not know unless the record itself says to ignore it. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(Contract.REMINDER_DUE, ReminderDue.class),
                Arguments.of(Contract.CLINIC_PROFILE, ClinicProfileChanged.class),
                Arguments.of(Contract.NOTIFICATION_STATUS, NotificationStatus.class),
                Arguments.of(Contract.PATIENT_REPLIED, PatientReplied.class),
                Arguments.of(Contract.RECIPIENT_PREFERENCE_CHANGED, RecipientPreferenceChanged.class),
                Arguments.of(Contract.PROTOCOL_PUBLISHED, ProtocolPublished.class),
                Arguments.of(Contract.CREDENTIAL_REVOKED, CredentialRevoked.class),
                Arguments.of(Contract.REPLY_HANDLED, PatientReplyHandled.class));
    }

    @ParameterizedTest
    @MethodSource("events")
    void aFullyPopulatedRecordWrittenAsTheServicesDoKeepsToItsSchemaAndReadsBackEqual(Contract contract,
            Class<? extends Record> type) throws IOException {
        Record full = contract.readFully(SERVICES, type);

        String written = SERVICES.writeValueAsString(full);

        contract.assertValid(written);
        assertThat(SERVICES.readValue(written, type)).isEqualTo(full);
    }

    @ParameterizedTest
    @MethodSource("events")
    void theSchemaNamesExactlyTheRecordsComponents(Contract contract, Class<? extends Record> type) throws IOException {
        assertThat(mismatches(schema(contract), type, type.getSimpleName())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void aFieldTheRecordDoesNotKnowIsIgnoredEvenByAStrictMapper(Contract contract, Class<? extends Record> type)
            throws IOException {
        ObjectNode example = (ObjectNode) SERVICES.readTree(contract.example());
        example.put("addedByANewerProducer", "x");

        assertThat(STRICT.treeToValue(example, type)).isEqualTo(SERVICES.readValue(contract.example(), type));
    }

    /** Hand-written on purpose: an older or newer producer's document, not one this code wrote. */
    @Test
    void aReminderWithUnknownNestedFieldsAndNoChannelsIsStillRead() throws IOException {
        String json = """
                {"reminderId":"5f0c3c2e-8a4e-4b8e-9d7a-0e4f3d2c1b0a","clinicId":"clinic-a",
                 "bookingId":"9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d","bookingRef":"B-1",
                 "recipient":{"firstName":"Ana","phone":"+34600111222","email":null,"locale":"es",
                              "timeZone":"Europe/Madrid","preferredChannel":"sms","smsConsent":true,
                              "emailConsent":false,"pronouns":"she"},
                 "ruleKey":"day1-0900","occurrence":0,"category":"check-in","protocolVersion":3,
                 "priority":"urgent","locale":"es","dueAt":"2026-11-21T08:00:00Z",
                 "expiresAt":"2026-11-21T20:00:00Z",
                 "messages":{"sms":"Hola","email":null,"push":"new channel"},"campaign":"later field"}
                """;

        ReminderDue reminder = STRICT.readValue(json, ReminderDue.class);

        assertThat(reminder.recipient().firstName()).isEqualTo("Ana");
        assertThat(reminder.asksCheckIn()).isTrue();
        assertThat(reminder.urgent()).isTrue();
        assertThat(reminder.allows("email")).isTrue();
        assertThat(reminder.messages().email()).isNull();
    }

    @Test
    void aPreferenceFromBeforeSendersWereNamedConcernsEverySender() throws IOException {
        RecipientPreferenceChanged change = STRICT.readValue("""
                {"channel":"sms","address":"+34600111222","optedOut":true,"at":"2026-11-21T08:00:00Z"}
                """, RecipientPreferenceChanged.class);

        assertThat(change.sender()).isNull();
        assertThat(change.deploymentSender()).isFalse();
    }

    @Test
    void theComparisonFailsOnARenamedOrMissingComponent() throws IOException {
        record Renamed(String clinicId, String key, Instant revokedAt) {
        }
        assertThat(mismatches(schema(Contract.CREDENTIAL_REVOKED), Renamed.class, "Renamed"))
                .containsExactlyInAnyOrder("Renamed.keyId is in the schema, not in the record",
                        "Renamed.key is in the record, not in the schema");

        record Nested(String firstName) {
        }
        record Shallow(Nested recipient) {
        }
        JsonNode recipientOnly = SERVICES.readTree("""
                {"properties":{"recipient":{"type":"object","properties":{"firstName":{},"phone":{}}}}}""");
        assertThat(mismatches(recipientOnly, Shallow.class, "Shallow"))
                .containsExactly("Shallow.recipient.phone is in the schema, not in the record");
    }

    @Test
    void aRecordThatDoesNotKeepToItsSchemaIsCaught() throws IOException {
        NotificationStatus noReminder = new NotificationStatus(null, "clinic-a", null, "sent", "sms", null,
                Instant.parse("2026-11-21T08:00:00Z"));

        assertThatThrownBy(() -> Contract.NOTIFICATION_STATUS.assertValid(SERVICES.writeValueAsString(noReminder)))
                .isInstanceOf(AssertionError.class);
    }

    private static List<String> mismatches(JsonNode schema, Class<?> type, String path) {
        List<String> found = new ArrayList<>();
        JsonNode properties = objectSchema(schema).path("properties");
        Set<String> inSchema = new TreeSet<>();
        properties.fieldNames().forEachRemaining(inSchema::add);
        Set<String> inRecord = new TreeSet<>();
        for (RecordComponent component : type.getRecordComponents()) {
            inRecord.add(component.getName());
            if (!inSchema.contains(component.getName())) {
                found.add(path + "." + component.getName() + " is in the record, not in the schema");
                continue;
            }
            Class<?> nested = recordIn(component.getGenericType());
            if (nested != null) {
                JsonNode property = properties.get(component.getName());
                JsonNode element = property.has("items") ? property.get("items") : property;
                found.addAll(mismatches(element, nested, path + "." + component.getName()));
            }
        }
        inSchema.stream().filter(name -> !inRecord.contains(name))
                .forEach(name -> found.add(path + "." + name + " is in the schema, not in the record"));
        return found;
    }

    /** A record, or the record a list holds; null for anything else (strings, numbers, maps of strings). */
    private static Class<?> recordIn(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isRecord() ? plain : null;
        }
        if (type instanceof ParameterizedType generic && List.class.equals(generic.getRawType())) {
            return recordIn(generic.getActualTypeArguments()[0]);
        }
        return null;
    }

    /** The object alternative of a nullable one ({@code oneOf: [null, object]}), or the schema itself. */
    private static JsonNode objectSchema(JsonNode schema) {
        for (String choice : List.of("oneOf", "anyOf")) {
            for (Iterator<JsonNode> it = schema.path(choice).elements(); it.hasNext();) {
                JsonNode alternative = it.next();
                if (alternative.has("properties")) {
                    return alternative;
                }
            }
        }
        return schema;
    }

    private static JsonNode schema(Contract contract) throws IOException {
        String file = "contracts/schemas/" + contract.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + ".schema.json";
        try (InputStream in = EventRecordsMatchSchemasTest.class.getClassLoader().getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            return SERVICES.readTree(in);
        }
    }

    @Test
    void everyContractOfAnEventHasItsRecordHere() {
        assertThat(events().map(arguments -> arguments.get()[0])).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Contract.values()).filter(contract -> contract != Contract.GUIDANCE_PLAN).toList());
    }
}
