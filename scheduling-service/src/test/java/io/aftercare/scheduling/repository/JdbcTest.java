package io.aftercare.scheduling.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The named parameters of the repositories' statements, as they reach pgjdbc: placeholders in order. */
class JdbcTest {

    @Test
    void eachNameBecomesAPlaceholderInOrderAndARepeatedNameIsBoundAgain() {
        List<Object> bound = new ArrayList<>();
        String sql = Jdbc.positional("UPDATE booking SET next_plan_at = :now WHERE id = :id AND next_plan_at <= :now",
                Map.of("now", "N", "id", "I"), bound);
        assertThat(sql).isEqualTo("UPDATE booking SET next_plan_at = ? WHERE id = ? AND next_plan_at <= ?");
        assertThat(bound).containsExactly("N", "I", "N");
    }

    @Test
    void aCollectionStandsForOnePlaceholderPerElement() {
        List<Object> bound = new ArrayList<>();
        assertThat(Jdbc.positional("SELECT 1 FROM reminder WHERE booking_id IN (:ids)", Map.of("ids", List.of(1, 2, 3)),
                bound)).isEqualTo("SELECT 1 FROM reminder WHERE booking_id IN (?, ?, ?)");
        assertThat(bound).containsExactly(1, 2, 3);
    }

    @Test
    void castsAndQuotedTextAreLeftAsTheyAre() {
        List<Object> bound = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        values.put("json", null);
        assertThat(Jdbc.positional("SELECT CAST(:json AS jsonb), '{}'::jsonb, 'at :noon', x LIKE '\\' ESCAPE ':'",
                values, bound)).isEqualTo("SELECT CAST(? AS jsonb), '{}'::jsonb, 'at :noon', x LIKE '\\' ESCAPE ':'");
        assertThat(bound).containsExactly((Object) null);
    }

    @Test
    void aNameWithoutAValueIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> Jdbc.positional("SELECT :missing", Map.of(), new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":missing");
    }
}
