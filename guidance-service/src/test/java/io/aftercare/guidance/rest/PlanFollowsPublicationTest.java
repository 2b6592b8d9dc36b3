package io.aftercare.guidance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.guidance.service.ShippedProtocols;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.cache.CompositeCacheKey;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Plans read a published version from the cache, and still follow a new publication at once. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "guidance"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class PlanFollowsPublicationTest {

    @Inject
    ShippedProtocols shipped;

    @Inject
    ObjectMapper json;

    @Inject
    @CacheName("published-protocol-versions")
    Cache versions;

    @Test
    void aPlanUsesTheCachedVersionAndTheNextPlanAfterAPublicationTheNewOne() throws Exception {
        String treatment = "cached-" + System.nanoTime();
        admin().body(json.writeValueAsString(shipped.load("microneedling")))
                .put("/v1/admin/protocols/" + treatment + "/draft").then().statusCode(200);
        admin().post("/v1/admin/protocols/" + treatment + "/publish").then().statusCode(201);

        assertThat(plan(treatment).get("protocolVersion")).isEqualTo(1);
        assertThat(versions.as(CaffeineCache.class).keySet()).contains(new CompositeCacheKey(treatment, 1));
        assertThat(plan(treatment).get("protocolVersion")).isEqualTo(1);
        assertThat(clinicPlan(treatment).get("protocolVersion")).isEqualTo(1);

        Map<String, Object> rule = given().get("/v1/protocols/" + treatment).jsonPath()
                .getMap("rules.find { it.key == 'avoid-sun' }");
        rule.put("validity", "PT10H");
        admin().body(rule).put("/v1/admin/protocols/" + treatment + "/draft/rules/avoid-sun").then().statusCode(200);
        admin().post("/v1/admin/protocols/" + treatment + "/publish").then().statusCode(201);

        assertThat(plan(treatment).get("protocolVersion")).isEqualTo(2);
        // A clinic's plan reads the version in force and its override in one statement: it follows as well.
        assertThat(clinicPlan(treatment).get("protocolVersion")).isEqualTo(2);
        assertThat(versions.as(CaffeineCache.class).keySet()).contains(new CompositeCacheKey(treatment, 2));
    }

    private static Map<String, Object> plan(String treatment) {
        return given().queryParam("treatedAt", "2026-03-07T17:00:00+01:00").queryParam("zone", "Europe/Madrid")
                .queryParam("locale", "es").queryParam("firstName", "Ana")
                .get("/v1/protocols/" + treatment + "/plan").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static Map<String, Object> clinicPlan(String treatment) {
        return PlanEndpointTest.asOperator().queryParam("treatedAt", "2026-03-07T17:00:00+01:00")
                .queryParam("zone", "Europe/Madrid").queryParam("firstName", "Ana").queryParam("clinicId", "clinic-x")
                .get("/v1/protocols/" + treatment + "/plan").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "admin").contentType(ContentType.JSON);
    }
}
