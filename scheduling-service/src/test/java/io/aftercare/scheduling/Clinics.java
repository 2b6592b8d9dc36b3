package io.aftercare.scheduling;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Clinic booking systems in tests: each signs in with an API key the operator issued through the real endpoint. */
public final class Clinics {

    /** Every field a profile has; the secret is the Standard Webhooks test vector's. */
    public static final String FULL_PROFILE = """
            {"name": "Clínica Sol", "timeZone": "Europe/Madrid", "locale": "es", "phone": "+34912345678",
             "sendWindow": {"start": "09:00", "end": "20:30"},
             "sms": {"sender": "MG0123456789abcdef0123456789abcdef", "messagesPerSecond": 10},
             "emailSender": "cuidados@clinicasol.es", "alertEmail": "enfermeria@clinicasol.es",
             "consentBasis": "healthcare-exemption",
             "helpTexts": {"es": "Clinica Sol: llamanos al +34912345678.", "en": "Clinica Sol: call +34912345678."},
             "webhooks": [{"url": "https://ehr.clinicasol.es/hooks", "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                           "events": ["delivery.failed", "reply.urgent"]}]}
            """;

    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    private Clinics() {
    }

    public static RequestSpecification as(String clinicId) {
        String secret = SECRETS.computeIfAbsent(clinicId, Clinics::issueKey);
        return given().auth().preemptive().basic(clinicId, secret).contentType(ContentType.JSON);
    }

    public static RequestSpecification operator() {
        return given().auth().preemptive().basic("operator", "operator");
    }

    public static String issueKey(String clinicId) {
        return operator().post("/v1/admin/clinics/" + clinicId + "/credentials")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }
}
