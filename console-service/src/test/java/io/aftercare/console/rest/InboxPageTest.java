package io.aftercare.console.rest;

import static io.aftercare.console.Console.GOOD_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aftercare.console.Console;
import io.aftercare.console.Resources;
import io.aftercare.console.listener.InboxWatchers;
import io.aftercare.console.model.Conversation;
import io.aftercare.console.model.ConversationMessage;
import io.aftercare.console.model.InboxChanges;
import io.aftercare.console.model.InboxPage;
import io.aftercare.console.model.InboxReply;
import io.aftercare.console.service.Person;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The inbox pages as far as the console alone can show them (notification, which owns the replies, does not run
 * beside these tests: the system and browser tests take both): who may open them, CSRF on every action, the 404 of a
 * malformed id, what the templates render from notification's answers (urgent first and marked in words, numbers
 * masked, words escaped, English and Spanish), and the live stream: one poller per clinic, whatever the number of open
 * pages, ended with the session.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class InboxPageTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TestHTTPResource("/inbox/events")
    URI events;

    @Inject
    InboxWatchers watchers;

    @Test
    void anonymousBrowsersAreSentToSignInAndTheOperatorIsNotAClinicsPerson() {
        String reply = UUID.randomUUID().toString();
        for (Response answer : List.of(Console.browser().get("/inbox"), Console.browser().get("/inbox/events"),
                Console.browser().get("/inbox/" + reply), Console.browser().get("/inbox/" + reply + "/card"),
                Console.browser().formParam("csrf", "x").post("/inbox/" + reply + "/handled"))) {
            assertThat(answer.statusCode()).isEqualTo(303);
            assertThat(answer.header("Location")).contains("/sign-in");
        }
        assertThat(Console.asOperator().get("/inbox").statusCode()).isEqualTo(403);
    }

    @Test
    void staffAndClinicAdminsAreLetInAndToldWhenNotificationCannotBeReached() {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn staff = staffOf(admin);
        for (Console.SignedIn person : List.of(admin, staff)) {
            Response page = Console.browser().cookie(Console.COOKIE, person.cookie()).get("/inbox");
            // Past the sign-in and the role check; the page says the inbox is away, rather than failing.
            assertThat(page.statusCode()).isEqualTo(502);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.asString()).contains("The inbox cannot be reached now");
        }
        Response spanish = Console.browser().cookie(Console.COOKIE, staff.cookie()).queryParam("lang", "es")
                .get("/inbox/" + UUID.randomUUID());
        assertThat(spanish.statusCode()).isEqualTo(502);
        assertThat(spanish.asString()).contains("La bandeja no está disponible ahora");
    }

    @Test
    void everyActionNeedsTheSessionsCsrfTokenAndAMalformedIdIsNotFound() {
        Console.SignedIn staff = staffOf(Console.adminOfNewClinic());
        String reply = "/inbox/" + UUID.randomUUID();
        Console.SignedIn forged = new Console.SignedIn(staff.email(), staff.cookie(), "forged-token");
        assertThat(Console.post(forged, reply + "/handled", Map.of()).statusCode()).isEqualTo(403);
        assertThat(Console.post(forged, reply + "/assign", Map.of()).statusCode()).isEqualTo(403);
        assertThat(Console.post(forged, reply + "/reply", Map.of("text", "Hello")).statusCode()).isEqualTo(403);

        for (String path : List.of("/inbox/not-a-reply/handled", "/inbox/not-a-reply/assign")) {
            Response answer = Console.post(staff, path, Map.of());
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.asString()).contains("There is no such reply in your clinic");
        }
        assertThat(Console.browser().cookie(Console.COOKIE, staff.cookie()).get("/inbox/not-a-reply").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theListShowsUrgentRepliesFirstMarkedInWordsWithTheirPeopleByName() {
        Person me = person("en");
        UUID urgentId = UUID.randomUUID();
        UUID otherId = UUID.randomUUID();
        InboxReply urgent = new InboxReply(urgentId, UUID.randomUUID(), "ext-9", "+34612345678",
                "<script>alert(1)</script> fever", 5, true, "check-in score 5", "open", Instant.now(), null, null,
                null, null, "Lucía");
        InboxReply other = new InboxReply(otherId, UUID.randomUUID(), "ext-3", "+447911123456", "Is it normal?",
                null, false, null, "open", Instant.now().minusSeconds(60), null, null, me.id().toString(),
                Instant.now(), "Ana");
        InboxDesk.Listing listing = new InboxDesk.Listing(new InboxPage(List.of(urgent, other), "next+page/cursor"),
                new InboxChanges(Instant.now(), 2, 1, List.of()), Map.of(me.id().toString(), "Marta Ruiz"));

        String html = InboxPages.list("en", me, InboxViews.list(listing, me, "open", null, "en", null)).render();

        assertThat(html).contains("<title>(2) Inbox", "id=\"inbox\"", "data-live=\"true\"",
                "role=\"alert\"", "Urgent: 1 urgent replies are open", "Urgent</strong>: check-in score 5",
                "5 of 5", "+34*******78", "ext-9", "Assigned to Marta Ruiz", "Not assigned",
                "value=\"" + me.csrfToken() + "\"", "src=\"/console/inbox.js\"",
                "cursor=next%2Bpage%2Fcursor", "<label for=\"inbox-state\">");
        assertThat(html).doesNotContain("+34612345678", "<script>alert(1)").contains("&lt;script&gt;alert(1)");
        assertThat(html.indexOf("data-reply-id=\"" + urgentId)).isLessThan(html.indexOf("data-reply-id=\"" + otherId));
        assertThat(html).contains("class=\"reply urgent\" id=\"reply-" + urgentId);
        // Already assigned to me: no "Assign to me" for that one, still one for the other.
        assertThat(html.split("class=\"assign-to-me\"", -1)).hasSize(2);

        Person yo = person("es");
        String spanish = InboxPages.list("es", yo, InboxViews.list(listing, yo, "open", null, "es", null))
                .setLocale(Locale.forLanguageTag("es")).render();
        assertThat(spanish).contains("Bandeja de entrada", "Urgente", "Marcar como atendida", "Asignármela");
    }

    @Test
    void theReplyPageShowsTheConversationAndTheReplyBoxWithItsCount() {
        Person me = person("en");
        UUID replyId = UUID.randomUUID();
        InboxReply reply = new InboxReply(replyId, UUID.randomUUID(), "ext-1", "+34612345678", "It itches", null,
                false, null, "handled", Instant.now(), Instant.now(), me.id().toString(), null, null, "Ana");
        Conversation conversation = new Conversation(reply, "Ana", "+34*******78", List.of(
                new ConversationMessage("out", Instant.now().minusSeconds(3600), "Avoid the sun for 48 hours.",
                        "day1-0930", "delivered", null),
                new ConversationMessage("in", Instant.now(), "It itches", null, null, replyId)));

        String html = InboxPages.reply("en", me,
                InboxViews.reply(conversation, Map.of(me.id().toString(), "Marta Ruiz"), me, "en", "", null, null))
                .render();

        assertThat(html).contains("id=\"conversation\"", "Avoid the sun for 48 hours.", "delivered",
                "class=\"message in current\"", "this reply", "Handled by Marta Ruiz",
                "<label for=\"reply-text\">", "id=\"reply-text\"", "maxlength=\"459\"",
                "0 characters, 0 SMS (GSM-7)", "data-template=\"{characters} characters, {segments} SMS ({encoding})\"",
                "action=\"/inbox/" + replyId + "/reply\"", "id=\"send-reply\"");
        assertThat(html.indexOf("Avoid the sun")).isLessThan(html.indexOf("It itches</p>"));
        // A handled reply has nothing left to mark or take on.
        assertThat(html).doesNotContain("class=\"mark-handled\"");
    }

    @Test
    void aClinicsOpenPagesShareOnePollerAndTheirStreamsEndWithTheSession() throws Exception {
        Console.SignedIn admin = Console.adminOfNewClinic();
        Console.SignedIn staff = staffOf(admin);
        String clinic = clinicOf(admin);
        int before = watchers.pollers();

        try (InputStream first = openStream(admin); InputStream second = openStream(staff)) {
            assertThat(firstEvent(first)).contains("\"type\":\"ready\"");
            assertThat(firstEvent(second)).contains("\"type\":\"ready\"");
            assertThat(watchers.watchers(clinic)).isEqualTo(2);
            assertThat(watchers.pollers()).isEqualTo(before + 1);

            // Signing out elsewhere ends that person's stream at the next poll; the clinic's poller stays for the
            // other page.
            assertThat(Console.post(staff, "/sign-out", Map.of()).statusCode()).isEqualTo(303);
            await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> watchers.watchers(clinic) == 1);
            assertThat(CompletableFuture.supplyAsync(() -> drained(second)).get(10, TimeUnit.SECONDS))
                    .as("the signed-out page's stream ended").isTrue();
            assertThat(watchers.pollers()).isEqualTo(before + 1);
        }
        // The last page closed: no poller is left for the clinic.
        await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() -> watchers.watchers(clinic) == 0);
    }

    private InputStream openStream(Console.SignedIn who) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(events)
                .header("Cookie", Console.COOKIE + "=" + who.cookie())
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return answer.body();
    }

    /** Reads the stream to its end: true once it ended. */
    private static boolean drained(InputStream stream) {
        try {
            while (stream.read() >= 0) {
                // what is left of it says nothing more
            }
            return true;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** The first {@code data:} line of a stream. */
    private static String firstEvent(InputStream stream) throws Exception {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = stream.read();
            if (c < 0) {
                return line.toString();
            }
            if (c == '\n') {
                if (line.toString().startsWith("data:")) {
                    return line.toString();
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
    }

    private static String clinicOf(Console.SignedIn person) {
        Matcher clinic = Pattern.compile("<dd>(clinic-[0-9a-f]{8})</dd>")
                .matcher(Console.home(person.cookie()).asString());
        assertThat(clinic.find()).isTrue();
        return clinic.group(1);
    }

    private static Console.SignedIn staffOf(Console.SignedIn admin) {
        String email = Console.newEmail();
        assertThat(Console.invite(admin, email, "staff").statusCode()).isEqualTo(303);
        await().atMost(BOUND).pollInSameThread().until(() -> Resources.linkTokenInNewestMailTo(email) != null);
        assertThat(Console.choosePassword(Resources.linkTokenInNewestMailTo(email), GOOD_PASSWORD).statusCode())
                .isEqualTo(303);
        return Console.signIn(email, GOOD_PASSWORD);
    }

    private static Person person(String lang) {
        return new Person(UUID.randomUUID(), "clinic-" + lang, "marta@clinic.example", "Marta Ruiz", "staff",
                "session-hash", "csrf-token-of-this-session-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
