package io.aftercare.console.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.aftercare.console.ConsoleUser;
import io.aftercare.console.client.NotificationInbox;
import io.aftercare.console.model.Conversation;
import io.aftercare.console.model.InboxChanges;
import io.aftercare.console.model.InboxPage;
import io.aftercare.console.model.InboxReply;
import io.aftercare.console.model.Queued;
import io.aftercare.console.model.StaffReply;
import io.aftercare.console.service.People;
import io.aftercare.console.service.Person;
import io.aftercare.console.service.SmsSegments;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;

/**
 * A person's work in their clinic's inbox, through notification, which owns the replies: always the person's own
 * clinic (another clinic's reply ids are not found there), always as the person (their token on each call). At the
 * edge rather than in {@code service}: the REST clients depend on {@code service} for the person's token, so a service
 * that called one would close a cycle.
 */
@ApplicationScoped
public class InboxDesk {

    /** Replies per page. */
    public static final int PAGE_SIZE = 20;

    /** A page of the inbox, the open counts, and the names of the clinic's people by id. */
    public record Listing(InboxPage page, InboxChanges counts, Map<String, String> names) {
    }

    private final NotificationInbox notification;
    private final People people;

    public InboxDesk(@RestClient NotificationInbox notification, People people) {
        this.notification = notification;
        this.people = people;
    }

    /** @param state {@code open} or {@code handled}; urgent replies first, then the newest */
    public Listing list(Person person, String state, String cursor) {
        InboxPage page = notification.list(person.clinicId(), state, cursor, PAGE_SIZE, "urgent");
        return new Listing(page, notification.counts(person.clinicId()), names(person.clinicId()));
    }

    public InboxReply one(Person person, UUID replyId) {
        return notification.one(person.clinicId(), replyId);
    }

    public Conversation conversation(Person person, UUID replyId) {
        return notification.conversation(person.clinicId(), replyId);
    }

    public InboxReply handled(Person person, UUID replyId) {
        return notification.handled(person.clinicId(), replyId);
    }

    public InboxReply assign(Person person, UUID replyId) {
        return notification.assign(person.clinicId(), replyId);
    }

    /** Texts the patient, after the same checks as notification's (not blank, at most 459 characters). */
    public Queued answer(Person person, UUID replyId, String text) {
        String refusal = SmsSegments.refusal(text);
        if (refusal != null) {
            throw new UnprocessableException(400, "Bad Request", "The answer cannot be sent: " + refusal,
                    List.of(new Problem.FieldError("text", refusal)));
        }
        return notification.reply(person.clinicId(), replyId, new StaffReply(text));
    }

    /** The display names of the clinic's people by id, for "handled by" and "assigned to". */
    public Map<String, String> names(String clinicId) {
        return people.ofClinic(clinicId).stream()
                .collect(Collectors.toMap(user -> user.id.toString(), (ConsoleUser user) -> user.displayName));
    }
}
