package io.aftercare.console.listener;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.aftercare.console.model.InboxChanges;
import io.aftercare.console.model.InboxSignal;
import io.aftercare.console.service.Person;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * One clinic's live inbox: the browsers that have it open (each a person's stream) and what the last poll of
 * notification saw. Each poll asks for the changes since a little before the previous one (a change committed late is
 * not missed) and tells the browsers each change once.
 */
final class ClinicInboxWatch {

    /** How far back each poll reaches before the previous one's answer. */
    static final Duration OVERLAP = Duration.ofSeconds(3);

    /** A browser with the inbox open: whose, and its stream. */
    record Watcher(Person person, MultiEmitter<? super InboxSignal> stream) {
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final Map<UUID, Instant> seen = new ConcurrentHashMap<>();
    private volatile Instant asOf;
    private volatile InboxSignal counts;

    void add(Watcher watcher) {
        watchers.add(watcher);
    }

    void remove(Watcher watcher) {
        watchers.remove(watcher);
    }

    boolean isEmpty() {
        return watchers.isEmpty();
    }

    List<Watcher> watchers() {
        return List.copyOf(watchers);
    }

    /** The counts as last seen, null before the first poll. */
    InboxSignal counts() {
        return counts;
    }

    /** The person to poll as: the one who opened the inbox last, still there. */
    Person newestPerson() {
        return watchers.isEmpty() ? null : watchers.get(watchers.size() - 1).person();
    }

    /** What to ask for: null on the first poll (the counts alone), else a little before the last answer. */
    String since() {
        Instant last = asOf;
        return last == null ? null : last.minus(OVERLAP).toString();
    }

    /** The signals an answer of notification makes: each change not told before, then the counts if they moved. */
    List<InboxSignal> signals(InboxChanges changes) {
        List<InboxSignal> signals = new ArrayList<>();
        for (InboxChanges.Change change : changes.items()) {
            Instant told = seen.put(change.id(), change.updatedAt());
            if (told == null || told.isBefore(change.updatedAt())) {
                signals.add(new InboxSignal("reply", change.id(), change.state(), change.urgent(), changes.open(),
                        changes.urgentOpen()));
            }
        }
        InboxSignal now = InboxSignal.counts(changes.open(), changes.urgentOpen());
        if (!signals.isEmpty() || !now.equals(counts)) {
            signals.add(now);
        }
        counts = now;
        asOf = changes.asOf();
        Instant forgettable = changes.asOf().minus(OVERLAP.multipliedBy(2));
        seen.values().removeIf(updated -> updated.isBefore(forgettable));
        return signals;
    }

    void tell(InboxSignal signal) {
        for (Watcher watcher : watchers) {
            watcher.stream().emit(signal);
        }
    }
}
