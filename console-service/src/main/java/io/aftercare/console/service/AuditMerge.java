package io.aftercare.console.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import io.aftercare.audit.AuditEntry;

/**
 * Merges a clinic's audit trails, the console's own and each service's, newest first, into pages of one list. Each
 * trail pages by its own ids; the merged cursor holds one position per trail ({@code 812.77.-.x}: before id 812 in
 * the first, before 77 in the second, from the newest in the third, nothing more in the fourth), so that a page
 * continues each trail exactly where the previous page stopped taking from it, whatever the others did.
 */
public final class AuditMerge {

    /** No position yet: from the newest. */
    public static final String START = "-";
    /** Nothing more in this trail. */
    public static final String DONE = "x";
    private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}|-|x");

    /** A trail's lines as read from its position (at most the page's size), and whether more follow them. */
    public record Read(String trail, List<AuditEntry> entries, boolean more) {
    }

    public record Row(String trail, AuditEntry entry) {
    }

    /** @param nextCursor null on the last page */
    public record Page(List<Row> rows, String nextCursor) {
    }

    private AuditMerge() {
    }

    /** Each trail's position in the cursor, in the trails' order; a malformed or foreign cursor starts over. */
    public static List<String> positions(String cursor, int trails) {
        List<String> start = new ArrayList<>(java.util.Collections.nCopies(trails, START));
        if (cursor == null || cursor.length() > 100) {
            return start;
        }
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != trails) {
            return start;
        }
        for (String part : parts) {
            if (!POSITION.matcher(part).matches()) {
                return start;
            }
        }
        return List.of(parts);
    }

    /**
     * The newest {@code limit} lines of what the trails read, and the cursor after them.
     *
     * @param reads one per trail, in the cursor's order; a trail that could not be read is null and keeps its position
     */
    public static Page merge(List<String> positions, List<Read> reads, int limit) {
        List<Row> all = new ArrayList<>();
        for (Read read : reads) {
            if (read != null) {
                read.entries().forEach(entry -> all.add(new Row(read.trail(), entry)));
            }
        }
        all.sort(Comparator.comparing((Row row) -> row.entry().at(), Comparator.reverseOrder())
                .thenComparing(row -> row.entry().id(), Comparator.reverseOrder()));
        List<Row> taken = all.subList(0, Math.min(limit, all.size()));
        List<String> next = new ArrayList<>(positions);
        boolean more = false;
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            if (read == null) {
                more |= !DONE.equals(positions.get(i));
                continue;
            }
            List<AuditEntry> fromThis = taken.stream().filter(row -> row.trail().equals(read.trail()))
                    .map(Row::entry).toList();
            boolean left = fromThis.size() < read.entries().size() || read.more();
            next.set(i, !left
                    ? DONE
                    : fromThis.isEmpty() ? positions.get(i) : Long.toString(fromThis.get(fromThis.size() - 1).id()));
            more |= left;
        }
        return new Page(List.copyOf(taken), more ? String.join(".", next) : null);
    }

    /** The position as a trail's own cursor: null for the newest. */
    public static String trailCursor(String position) {
        return START.equals(position) || DONE.equals(position) ? null : position;
    }

}
