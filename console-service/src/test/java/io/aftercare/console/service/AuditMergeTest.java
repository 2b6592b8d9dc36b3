package io.aftercare.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aftercare.audit.AuditEntry;

/** Paging through several audit trails at once: every line once, newest first, whatever the trails' sizes. */
class AuditMergeTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void pagesThroughInterleavedTrailsNewestFirstWithEveryLineOnce() {
        // Trail a: lines at even seconds (ids 1..10), trail b: odd seconds (ids 100..104), trail c: none.
        List<List<AuditEntry>> trails = List.of(trail("a", 1, 0, 2, 10), trail("b", 100, 1, 2, 5), List.of());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            List<String> positions = AuditMerge.positions(cursor, 3);
            List<AuditMerge.Read> reads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                reads.add(read(List.of("a", "b", "c").get(i), trails.get(i), positions.get(i), 4));
            }
            AuditMerge.Page page = AuditMerge.merge(positions, reads, 4);
            page.rows().forEach(row -> seen.add(row.entry().resource()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        List<String> expected = new ArrayList<>();
        List.of(trails.get(0), trails.get(1)).forEach(t -> t.forEach(e -> expected.add(e.resource())));
        expected.sort((x, y) -> Integer.compare(second(y), second(x)));
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4); // 15 lines, 4 a page
    }

    @Test
    void aTrailThatCannotBeReadKeepsItsPlaceForTheNextPage() {
        List<String> positions = AuditMerge.positions(null, 2);
        List<AuditEntry> a = trail("a", 1, 0, 1, 2);
        AuditMerge.Page page = AuditMerge.merge(positions,
                java.util.Arrays.asList(new AuditMerge.Read("a", a, false), null), 10);

        assertThat(page.rows()).hasSize(2);
        assertThat(page.nextCursor()).isEqualTo("x.-");
    }

    @Test
    void aCursorNotOfThisShapeStartsOver() {
        assertThat(AuditMerge.positions("1.2", 3)).containsExactly("-", "-", "-");
        assertThat(AuditMerge.positions("1.2.drop table", 3)).containsExactly("-", "-", "-");
        assertThat(AuditMerge.positions("12.x.-", 3)).containsExactly("12", "x", "-");
    }

    /** What a trail answers from a position: the {@code limit} newest before it, and whether more follow. */
    private static AuditMerge.Read read(String name, List<AuditEntry> all, String position, int limit) {
        if (AuditMerge.DONE.equals(position)) {
            return new AuditMerge.Read(name, List.of(), false);
        }
        String before = AuditMerge.trailCursor(position);
        List<AuditEntry> from = all.stream()
                .filter(e -> before == null || e.id() < Long.parseLong(before))
                .sorted((x, y) -> Long.compare(y.id(), x.id()))
                .toList();
        return new AuditMerge.Read(name, from.subList(0, Math.min(limit, from.size())), from.size() > limit);
    }

    private static List<AuditEntry> trail(String name, long firstId, int firstSecond, int step, int count) {
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int second = firstSecond + i * step;
            entries.add(new AuditEntry(firstId + i, T0.plusSeconds(second), "actor", "clinic", "c", "GET",
                    name + "@" + second, 200, null));
        }
        return entries;
    }

    private static int second(String resource) {
        return Integer.parseInt(resource.substring(resource.indexOf('@') + 1));
    }
}
