package io.aftercare.console.listener;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.aftercare.console.client.NotificationInboxChanges;
import io.aftercare.console.model.InboxChanges;
import io.aftercare.console.model.InboxSignal;
import io.aftercare.console.service.LiveSessions;
import io.aftercare.console.service.Person;
import io.aftercare.console.service.PersonTokens;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;

/**
 * The live inbox: one poller per clinic, shared by all of that clinic's open inbox pages (not one per browser), asks
 * notification every {@code aftercare.inbox.poll-interval} (2 s) what changed, and tells each open page: a new
 * or changed reply's id, state and urgency, and the open counts. No patient's words go down these streams; a page
 * fetches a reply's card through the audited read. A stream ends when its session does (signed out, disabled, idle).
 * <p>
 * A listener (of notification's changes), not a service: it calls notification through a REST client, and the
 * clients depend on {@code service} for the person's token, so a service that called one would close a cycle.
 */
@ApplicationScoped
public class InboxWatchers {

    private static final Logger LOG = Logger.getLogger(InboxWatchers.class);

    private final Map<String, ClinicInboxWatch> clinics = new ConcurrentHashMap<>();
    private final NotificationInboxChanges notification;
    private final PersonTokens tokens;
    private final LiveSessions sessions;

    public InboxWatchers(@RestClient NotificationInboxChanges notification, PersonTokens tokens,
            LiveSessions sessions) {
        this.notification = notification;
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** The signals for this person's clinic, from now on, until the stream is cancelled or the session ends. */
    public Multi<InboxSignal> watch(Person person) {
        return Multi.createFrom().emitter(stream -> {
            ClinicInboxWatch.Watcher watcher = new ClinicInboxWatch.Watcher(person, stream);
            ClinicInboxWatch watch = clinics.compute(person.clinicId(), (clinic, existing) -> {
                ClinicInboxWatch found = existing == null ? new ClinicInboxWatch() : existing;
                found.add(watcher);
                return found;
            });
            stream.onTermination(() -> leave(person.clinicId(), watcher));
            // Said at once, so that the browser (and a proxy) knows the stream is open before anything changes.
            InboxSignal counts = watch.counts();
            stream.emit(counts == null ? InboxSignal.ready() : counts);
        });
    }

    /** How many clinics have a poller now (one per clinic, however many pages are open). */
    public int pollers() {
        return clinics.size();
    }

    /** How many pages of this clinic are open. */
    public int watchers(String clinicId) {
        ClinicInboxWatch watch = clinics.get(clinicId);
        return watch == null ? 0 : watch.watchers().size();
    }

    @Scheduled(every = "${aftercare.inbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollAll() {
        clinics.forEach(this::poll);
    }

    void poll(String clinicId, ClinicInboxWatch watch) {
        for (ClinicInboxWatch.Watcher watcher : watch.watchers()) {
            if (!sessions.live(watcher.person().sessionSha256())) {
                watcher.stream().complete();
                leave(clinicId, watcher);
            }
        }
        Person as = watch.newestPerson();
        if (as == null) {
            return;
        }
        InboxChanges changes;
        try {
            changes = notification.since(clinicId, watch.since(), "Bearer " + tokens.mint(as));
        } catch (RuntimeException e) {
            // The next poll asks again, from the same moment: nothing is lost while notification is away.
            LOG.debugf("the live inbox of %s could not ask notification: %s", clinicId, e.toString());
            return;
        }
        watch.signals(changes).forEach(watch::tell);
    }

    private void leave(String clinicId, ClinicInboxWatch.Watcher watcher) {
        clinics.computeIfPresent(clinicId, (clinic, watch) -> {
            watch.remove(watcher);
            return watch.isEmpty() ? null : watch;
        });
    }
}
