package io.aftercare.scheduling.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A refused row's values stay out of a database error's text, all the way down its causes: PostgreSQL's DETAIL names
 * them ("Key (key_id)=(...) already exists"), and an exception's text is what reaches the logs.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseErrorTextTest {

    @Inject
    Jdbc jdbc;

    @Test
    void aDuplicateRowsValueIsNotInTheErrorsText() {
        String value = "+1555" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        insert(value);

        Throwable refused = catchThrowable(() -> insert(value));

        assertThat(refused).isNotNull();
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(value);
        }
    }

    private void insert(String keyId) {
        QuarkusTransaction.requiringNew().run(() -> jdbc.sql("""
                INSERT INTO clinic_credential (key_id, clinic_id, secret_sha256, created_at)
                VALUES (:key, 'error-text', '\\x00'::bytea, now())
                """).set("key", keyId).update());
    }
}
