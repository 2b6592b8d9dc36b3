package io.aftercare.scheduling.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.problem.NotFoundProblem;
import io.aftercare.problem.UnprocessableException;
import io.aftercare.scheduling.ClinicWebhook;
import io.aftercare.scheduling.Clinics;
import io.aftercare.scheduling.ConsentBasis;
import io.aftercare.scheduling.security.ClinicSecrets;
import io.aftercare.scheduling.service.ClinicProfiles;
import io.aftercare.scheduling.service.ClinicSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A clinic admin's changes of their own clinic's profile, keys and webhooks, and the plan preview: a booking system's
 * API key may preview but change none of them; the changes keep the parts of the profile they do not touch; webhook
 * secrets are made here and answered once.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class ClinicSettingsTest {

    private static final String SETTINGS = """
            {"name": "Clínica Sol", "timeZone": "Europe/Madrid", "locale": "es", "phone": "+34912345678",
             "sendWindow": {"start": "10:00", "end": "19:00"}}
            """;

    @Inject
    ClinicSettings settings;

    @Inject
    ClinicProfiles profiles;

    @Inject
    ClinicSecrets secrets;

    @Test
    void anApiKeyChangesNoneOfTheSettingsNorKeysNorWebhooks() {
        String clinic = newClinic();
        Clinics.operator().contentType(ContentType.JSON).body(Clinics.FULL_PROFILE).put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);
        String base = "/v1/clinics/" + clinic;

        Clinics.as(clinic).body(SETTINGS).put(base + "/profile").then().statusCode(403);
        Clinics.as(clinic).body("{\"url\": \"https://ehr.example.org/h\", \"events\": [\"delivery.failed\"]}")
                .post(base + "/profile/webhooks")
                .then()
                .statusCode(403);
        Clinics.as(clinic).post(base + "/credentials").then().statusCode(403);
        Clinics.as(clinic).get(base + "/credentials").then().statusCode(403);
        io.restassured.RestAssured.given().post(base + "/credentials").then().statusCode(401);
        // Nothing changed: the operator's profile is as written.
        Clinics.operator().get("/v1/admin/clinics/" + clinic).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void settingsKeepTheWebhooksAndTheWebhooksKeepTheSettings() {
        String clinic = newClinic();
        Clinics.operator().contentType(ContentType.JSON).body(Clinics.FULL_PROFILE).put("/v1/admin/clinics/" + clinic)
                .then()
                .statusCode(201);

        var saved = settings.putSettings(clinic, details("Clínica Luz", LocalTime.of(10, 0), LocalTime.of(19, 0)));

        assertThat(saved.profile().version).isEqualTo(2);
        assertThat(saved.profile().sendWindowStart).isEqualTo(LocalTime.of(10, 0));
        assertThat(opened(clinic)).extracting(ClinicWebhook::url).containsExactly("https://ehr.clinicasol.es/hooks");
        assertThat(opened(clinic).get(0).secret()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        ClinicSettings.IssuedWebhook added = settings.addWebhook(clinic, "https://ehr.example.org/second",
                List.of("patient.replied", "patient.replied"));
        assertThat(added.id()).startsWith("ep_");
        assertThat(added.secret()).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(added.events()).containsExactly("patient.replied");
        assertThat(opened(clinic)).hasSize(2).extracting(ClinicWebhook::secret).contains(added.secret());
        assertThatThrownBy(() -> settings.addWebhook(clinic, "https://ehr.example.org/second", List.of("reply.urgent")))
                .isInstanceOf(UnprocessableException.class)
                .satisfies(e -> assertThat(((UnprocessableException) e).status()).isEqualTo(409));

        ClinicSettings.IssuedWebhook rotated = settings.rotateSecret(clinic, added.id());
        assertThat(rotated.secret()).isNotEqualTo(added.secret()).startsWith("whsec_");
        assertThat(opened(clinic)).extracting(ClinicWebhook::secret)
                .contains(rotated.secret())
                .doesNotContain(added.secret());
        assertThat(profiles.of(clinic).orElseThrow().name).isEqualTo("Clínica Luz");
        assertThat(profiles.of(clinic).orElseThrow().sendWindowEnd).isEqualTo(LocalTime.of(19, 0));

        settings.removeWebhook(clinic, added.id());
        assertThat(opened(clinic)).extracting(ClinicWebhook::url).containsExactly("https://ehr.clinicasol.es/hooks");
        assertThatThrownBy(() -> settings.rotateSecret(clinic, added.id())).isInstanceOf(NotFoundProblem.class);
        // The profile as the clinic reads it never shows a secret.
        Clinics.as(clinic).get("/v1/clinics/" + clinic + "/profile")
                .then()
                .statusCode(200)
                .body("name", equalTo("Clínica Luz"))
                .body("webhooks.secret", everyItem(equalTo(null)));
    }

    @Test
    void aWebhookNeedsAProfileAndAtMostFiveFit() {
        String clinic = newClinic();
        assertThatThrownBy(() -> settings.addWebhook(clinic, "https://ehr.example.org/a", List.of("reply.urgent")))
                .isInstanceOf(NotFoundProblem.class);
        settings.putSettings(clinic, details("Clínica Mar", null, null));
        for (int i = 0; i < ClinicSettings.MAX_WEBHOOKS; i++) {
            settings.addWebhook(clinic, "https://ehr.example.org/" + i, List.of("reply.urgent"));
        }
        assertThatThrownBy(() -> settings.addWebhook(clinic, "https://ehr.example.org/6", List.of("reply.urgent")))
                .isInstanceOf(UnprocessableException.class);
        assertThat(opened(clinic)).hasSize(ClinicSettings.MAX_WEBHOOKS);
    }

    @Test
    void thePreviewIsTheClinicsPlanInItsZoneWindowAndName() {
        String clinic = newClinic();
        settings.putSettings(clinic, details("Clínica Sol", LocalTime.of(10, 0), LocalTime.of(19, 0)));

        var preview = Clinics.as(clinic)
                .queryParam("treatment", "microneedling")
                .queryParam("endsAt", "2026-11-21T10:45:00+01:00")
                .get("/v1/clinics/" + clinic + "/plan-preview")
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("Europe/Madrid"))
                .body("locale", equalTo("es"))
                .body("moments.ruleKey", hasItems("leaving"))
                .body("moments.sms", not(hasItems(equalTo(null))))
                .extract()
                .jsonPath();
        List<String> texts = preview.getList("moments.sms");
        assertThat(String.join("\n", texts)).contains("Clinica Sol"); // as texts spell it (GSM-7)
        // Every moment but the one at the end of the treatment is inside the window, on the patient's clock.
        List<String> local = preview.getList("moments.dueLocal");
        List<String> keys = preview.getList("moments.ruleKey");
        for (int i = 0; i < local.size(); i++) {
            if (!"leaving".equals(keys.get(i))) {
                LocalTime time = LocalTime.parse(local.get(i).substring(11));
                assertThat(time).as(keys.get(i)).isBetween(LocalTime.of(10, 0), LocalTime.of(19, 0));
            }
        }

        Clinics.as(clinic).queryParam("treatment", "microneedling").queryParam("endsAt", "tomorrow")
                .get("/v1/clinics/" + clinic + "/plan-preview")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("endsAt"));
        Clinics.as(clinic).queryParam("treatment", "tattoo-removal").queryParam("endsAt", "2026-11-21T10:45:00Z")
                .get("/v1/clinics/" + clinic + "/plan-preview")
                .then()
                .statusCode(422)
                .body("errors[0].field", startsWith("treatment"));
        Clinics.as(newClinic()).queryParam("treatment", "microneedling")
                .queryParam("endsAt", "2026-11-21T10:45:00Z")
                .get("/v1/clinics/" + clinic + "/plan-preview")
                .then()
                .statusCode(403);
    }

    private List<ClinicWebhook> opened(String clinic) {
        return QuarkusTransaction.requiringNew()
                .call(() -> secrets.openWebhooks(clinic, profiles.of(clinic).orElseThrow().webhooks));
    }

    private static ClinicProfiles.Details details(String name, LocalTime start, LocalTime end) {
        return new ClinicProfiles.Details(name, "Europe/Madrid", "es", "+34912345678", start, end, null, null, null,
                "enfermeria@example.es", ConsentBasis.EXPRESS_CONSENT, Map.of(), List.of(), null, null);
    }

    private static String newClinic() {
        return "clinic-st-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
