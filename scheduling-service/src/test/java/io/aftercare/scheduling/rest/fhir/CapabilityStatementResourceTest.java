package io.aftercare.scheduling.rest.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class CapabilityStatementResourceTest {

    @Test
    void theMetadataIsACapabilityStatementHapiFhirReadsStrictlyAndItSaysWhatTheServerDoes() {
        String body = given().get("/fhir/r4/metadata")
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .extract()
                .asString();

        // Strict: an unknown element or a wrong type would fail the parse, not be dropped.
        CapabilityStatement statement = FhirContext.forR4()
                .newJsonParser()
                .setParserErrorHandler(new StrictErrorHandler())
                .parseResource(CapabilityStatement.class, body);

        assertThat(statement.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(statement.getKind().toCode()).isEqualTo("instance");
        assertThat(statement.getRest()).singleElement().satisfies(rest -> {
            assertThat(rest.getMode().toCode()).isEqualTo("server");
            assertThat(rest.getResource()).extracting(CapabilityStatementRestResourceComponent::getType)
                    .containsExactly("Appointment", "CommunicationRequest", "Communication", "Task");
            assertThat(rest.getInteraction()).extracting(i -> i.getCode().toCode()).containsExactly("transaction");
            assertThat(rest.getResource().get(3).getSearchParam()).extracting(p -> p.getName())
                    .containsExactly("patient", "appointment");
            assertThat(rest.getResource().get(0).getInteraction()).extracting(i -> i.getCode())
                    .containsExactlyInAnyOrder(TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE);
        });
        // What it lists is there, behind the clinic's key; what it leaves out is not.
        given().contentType("application/fhir+json").body("{}").post("/fhir/r4/Appointment").then().statusCode(401);
        given().contentType("application/fhir+json").body("{}").put("/fhir/r4/Appointment/a-1").then().statusCode(401);
        given().contentType("application/fhir+json").body("{}").post("/fhir/r4").then().statusCode(401);
        given().get("/fhir/r4/Task?appointment=a-1").then().statusCode(401);
        given().get("/fhir/r4/Appointment/a-1").then().statusCode(405);
    }
}
