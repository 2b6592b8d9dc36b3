package io.aftercare.scheduling.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.aftercare.localstack.testing.GuidanceTestResource;
import io.aftercare.localstack.testing.KafkaTestResource;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.scheduling.ReminderState;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reminder states in SQL come from the enum, and the migrations' partial indexes name only states it has. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "scheduling"))
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GuidanceTestResource.class, scope = TestResourceScope.GLOBAL)
class ReminderStateSqlTest {

    @Inject
    Jdbc jdbc;

    @Test
    void placeholdersBecomeQuotedStatesAndAnUnknownStateIsRefused() {
        assertThat(ReminderState.sql("state IN ({FAILED}, {DISPATCHED})"))
                .isEqualTo("state IN ('FAILED', 'DISPATCHED')");
        assertThatThrownBy(() -> ReminderState.sql("state = {PLANED}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Transactional
    void thePartialIndexesOfTheReminderTableNameOnlyRealStates() {
        List<String> definitions = jdbc
                .sql(
                        "SELECT indexdef FROM pg_indexes WHERE tablename = 'reminder' AND indexdef LIKE '%state%'")
                .list(rows -> rows.getString(1));
        List<String> states = Arrays.stream(ReminderState.values()).map(Enum::name).toList();
        int named = 0;
        for (String definition : definitions) {
            Matcher literal = Pattern.compile("'([A-Z_]+)'").matcher(definition);
            while (literal.find()) {
                assertThat(states).as(definition).contains(literal.group(1));
                named++;
            }
        }
        // reminder_live_uk (four states), reminder_planned_due_idx, reminder_expired_due_idx
        assertThat(named).isGreaterThanOrEqualTo(6);
    }
}
