package io.aftercare.guidance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.guidance.model.ProtocolContent;
import io.aftercare.guidance.service.ShippedProtocols;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class ProtocolAdminResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ShippedProtocols shipped;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void publishingMakesVersionTwoAndLeavesVersionOneAsItWas() throws Exception {
        String treatment = "peel-" + System.nanoTime();
        ProtocolContent base = shipped.load("microneedling");
        admin().body(json.writeValueAsString(base)).put("/v1/admin/protocols/" + treatment + "/draft").then()
                .statusCode(200);
        admin().post("/v1/admin/protocols/" + treatment + "/publish")
                .then()
                .statusCode(201)
                .header("Location", "/v1/protocols/" + treatment + "/versions/1")
                .body("version", equalTo(1));
        String versionOne = given().get("/v1/protocols/" + treatment + "/versions/1").asString();

        Map<String, Object> rule = given().get("/v1/protocols/" + treatment)
                .jsonPath()
                .getMap("rules.find { it.key == 'avoid-sun' }");
        rule.put("validity", "PT10H");
        admin().body(rule).put("/v1/admin/protocols/" + treatment + "/draft/rules/avoid-sun").then().statusCode(200);
        admin().post("/v1/admin/protocols/" + treatment + "/publish").then().statusCode(201).body("version",
                equalTo(2));

        assertThat(given().get("/v1/protocols/" + treatment + "/versions/1").asString()).isEqualTo(versionOne);
        given().get("/v1/protocols/" + treatment + "/versions/2")
                .then()
                .body("content.rules.find { it.key == 'avoid-sun' }.validity", equalTo("PT10H"));
        given().get("/v1/protocols/" + treatment).then().body("version", equalTo(2));
        try (TopicReader topic = new TopicReader(bootstrapServers, "protocol-published")) {
            List<ConsumerRecord<String, String>> events = topic.read(r -> treatment.equals(r.key()), 2,
                    Duration.ofSeconds(15));
            assertThat(events).extracting(r -> header(r, "ce_id"))
                    .containsExactly(treatment + ":1", treatment + ":2");
            assertThat(events.get(1).value()).contains("\"version\":2");
            assertThat(header(events.get(1), "ce_type")).isEqualTo("io.aftercare.protocol.published.v1");
        }
    }

    @Test
    void savingADraftAgainReplacesItAndARuleIsSavedIntoTheDraftThatIsThere() throws Exception {
        String treatment = "redrafted-" + System.nanoTime();
        String draft = "/v1/admin/protocols/" + treatment + "/draft";
        ProtocolContent base = shipped.load("microneedling");
        admin().body(json.writeValueAsString(base)).put(draft).then().statusCode(200);
        ProtocolContent retitled = new ProtocolContent("Retitled " + treatment, base.defaultLocale(), base.parameters(),
                base.rules(), base.budget());
        admin().body(json.writeValueAsString(retitled)).put(draft).then().statusCode(200);
        admin().get(draft).then().statusCode(200).body("title", equalTo("Retitled " + treatment));

        Map<String, Object> rule = admin().get(draft).jsonPath().getMap("rules.find { it.key == 'avoid-sun' }");
        rule.put("validity", "PT10H");
        admin().body(rule).put(draft + "/rules/avoid-sun").then().statusCode(200);

        admin().get(draft)
                .then()
                .statusCode(200)
                .body("title", equalTo("Retitled " + treatment))
                .body("rules.find { it.key == 'avoid-sun' }.validity", equalTo("PT10H"));
        admin().delete(draft).then().statusCode(204);
        admin().get(draft).then().statusCode(404);
    }

    @Test
    void aDraftWhoseTextBreaksTheRulesIsNotPublished() throws Exception {
        String treatment = "broken-" + System.nanoTime();
        ProtocolContent base = shipped.load("microneedling");
        String content = json.writeValueAsString(base)
                .replace("Avoid direct sun for at least {sunAvoidanceHours} hours; outside",
                        "After your microneedling avoid direct sun for at least {sunAvoidanceHours} hours, really; outside")
                .replace("\"es\" : {", "\"fr\" : {")
                .replace("\"es\":{", "\"fr\":{");
        admin().body(content).put("/v1/admin/protocols/" + treatment + "/draft").then().statusCode(200);

        admin().post("/v1/admin/protocols/" + treatment + "/publish")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("rules[1].templates.en.sms"))
                .body("errors.field", hasItem("rules[0].templates.es"));

        given().get("/v1/protocols/" + treatment).then().statusCode(404);
        admin().get("/v1/admin/protocols/" + treatment + "/draft").then().statusCode(200);
    }

    @Test
    void aDraftThatBreaksTheBudgetSpacingOrTraceabilityIsNotPublished() throws Exception {
        String treatment = "pushy-" + System.nanoTime();
        ProtocolContent base = shipped.load("microneedling");
        List<io.aftercare.guidance.model.Rule> rules = new java.util.ArrayList<>(base.rules());
        io.aftercare.guidance.model.Rule first = rules.get(0);
        rules.set(0, new io.aftercare.guidance.model.Rule(first.key(), first.category(), first.timing(),
                first.validity(), first.priority(), first.channels(),
                List.of(new io.aftercare.guidance.model.Source("somewhere", "", "")), first.note(),
                first.templates(), first.rank(), first.daytime(), first.marketing()));
        ProtocolContent pushy = new ProtocolContent(base.title(), base.defaultLocale(), base.parameters(), rules,
                new io.aftercare.guidance.model.MessageBudget(6, null, 30, Duration.ofMinutes(5)));
        admin().body(json.writeValueAsString(pushy)).put("/v1/admin/protocols/" + treatment + "/draft").then()
                .statusCode(200);

        admin().post("/v1/admin/protocols/" + treatment + "/publish")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("budget.smsPerDay"))
                .body("errors.field", hasItem("budget.minSpacing"))
                .body("errors.field", hasItem("budget.smsInAll"))
                .body("errors.field", hasItem("rules[0].sources[0]"));
        given().get("/v1/protocols/" + treatment).then().statusCode(404);
    }

    @Test
    void editingNeedsTheAdminRoleAndReadingDoesNot() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .put("/v1/admin/protocols/microneedling/draft")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth()
                .preemptive()
                .basic("reader", "reader")
                .post("/v1/admin/protocols/microneedling/publish")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .preemptive()
                .basic("admin", "wrong")
                .get("/v1/admin/clinics/c1/protocols/microneedling")
                .then()
                .statusCode(401);
        given().get("/v1/protocols/microneedling").then().statusCode(200);
    }

    @Test
    void malformedContentIsAProblemAndStoresNoDraft() {
        String treatment = "malformed-" + System.nanoTime();
        admin().body("{\"title\": \"x\", \"rules\": [{\"timing\": {\"kind\": \"sometimes\"}}]}")
                .put("/v1/admin/protocols/" + treatment + "/draft")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        admin().get("/v1/admin/protocols/" + treatment + "/draft").then().statusCode(404);
    }

    @Test
    void everyChangeAnEditorTriesIsInTheAuditTrail() {
        String treatment = "audited-" + System.nanoTime();
        admin().body("{\"title\": \"x\", \"rules\": [{\"timing\": {\"kind\": \"sometimes\"}}]}")
                .put("/v1/admin/protocols/" + treatment + "/draft")
                .then()
                .statusCode(400);
        io.restassured.path.json.JsonPath audit = admin().get("/v1/ops/audit").then().statusCode(200).extract()
                .jsonPath();
        assertThat(audit.getString("items[0].actor")).isEqualTo("admin");
        assertThat(audit.getString("items[0].action")).isEqualTo("PUT");
        assertThat(audit.getString("items[0].resource")).isEqualTo("/v1/admin/protocols/" + treatment + "/draft");
        assertThat(audit.getInt("items[0].status")).isEqualTo(400);
        given().auth().preemptive().basic("reader", "reader").get("/v1/ops/audit").then().statusCode(403);
    }

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE protocol SET content = '{}' WHERE status = 'PUBLISHED'");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        })).hasStackTraceContaining("is published and cannot change");
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
