package io.aftercare.scheduling;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Clinic booking systems in tests: each signs in with an API key the operator issued through the real endpoint. */
public final class Clinics {

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
