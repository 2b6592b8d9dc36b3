package io.aftercare.console.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.aftercare.console.model.BookingCare;
import io.aftercare.console.model.BookingMatches;
import io.aftercare.console.model.BookingRecord;
import io.aftercare.console.model.ConversationRecord;
import io.aftercare.console.model.DeliveryRecord;
import io.aftercare.console.model.PatientTimeline;
import io.aftercare.console.model.TimelineEntry;
import io.aftercare.console.service.PatientTimelines;
import io.aftercare.console.service.Person;
import io.aftercare.localstack.testing.PostgresTestResource;
import io.aftercare.localstack.testing.SmtpTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The timeline page from what scheduling and notification answer (their JSON, as records): in time order, on the
 * patient's clock, each moment marked with its delivery's state and reason, a re-plan, a reply, its check-in and an
 * opt-out; the patient's words escaped. The answers are built here because the services are not started in this
 * module's tests; the search and timeline endpoints themselves are tested in scheduling and notification.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = PostgresTestResource.DATABASE, value = "console"))
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.GLOBAL)
class TimelinePageTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant REPLANNED = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant TREATED = Instant.parse("2026-12-07T09:00:00Z");
    private static final UUID LEAVING = UUID.randomUUID();
    private static final UUID OLD_DAY2 = UUID.randomUUID();
    private static final UUID DAY2 = UUID.randomUUID();
    private static final UUID CHECK_IN = UUID.randomUUID();

    @Test
    void entriesAreInTimeOrderOnThePatientsClockWithTheirDeliveriesStates() {
        PatientTimeline timeline = PatientTimelines.build(care(), "en");

        assertThat(timeline.zone()).isEqualTo("America/New_York");
        assertThat(timeline.entries()).extracting(TimelineEntry::at).isSorted();
        assertThat(timeline.entries()).extracting(TimelineEntry::kind).containsExactly("booked", "replan",
                "treatment", "moment", "moment", "moment", "moment", "reply", "message", "opt-out");
        TimelineEntry leaving = moment(timeline, LEAVING);
        assertThat(leaving.state()).isEqualTo("delivered");
        // 14:45 UTC is 09:45 in New York on 7 December (EST, UTC-5).
        assertThat(leaving.local()).isEqualTo("Mon 7 Dec 2026, 09:45");
        assertThat(moment(timeline, DAY2).state()).isEqualTo("failed");
        assertThat(moment(timeline, OLD_DAY2).state()).isEqualTo("revoked");
        assertThat(moment(timeline, CHECK_IN).state()).isEqualTo("planned");
        assertThat(timeline.entries()).filteredOn(e -> e.kind().equals("replan")).singleElement()
                .satisfies(e -> assertThat(e.note()).isEqualTo("3"));
        assertThat(PatientTimelines.build(care(), "es").entries().get(0).local().toLowerCase(Locale.ROOT))
                .matches("mar\\.? 1 dic\\.? 2026, 04:00");
    }

    @Test
    void thePageMarksEachMomentAndDeliveryAndEscapesThePatientsWords() {
        String html = PatientPages.timeline("en", person(), PatientTimelines.build(care(), "en"),
                StateLabels.of(SignInResource.messages("en"))).render();

        assertThat(html).contains("<ol id=\"timeline\"");
        assertThat(count(html, "<li class=\"entry moment")).isEqualTo(4);
        assertThat(html).containsPattern("class=\"entry moment\" data-kind=\"moment\" data-state=\"delivered\""
                + " data-rule=\"leaving\"");
        assertThat(html).containsPattern("data-state=\"failed\" data-rule=\"day2-0930\"");
        assertThat(html).contains("<span class=\"delivery-state\" data-state=\"failed\">failed</span>",
                "<span class=\"delivery-reason\">unreachable number</span>", "30003",
                "<p class=\"delivery-state\" data-state=\"planned\">Nothing sent yet.</p>");
        assertThat(html).contains("Hi Ana, leave your skin alone tonight.", "Your first night");
        assertThat(html).contains("&lt;script&gt;worse&lt;/script&gt;").doesNotContain("<script>worse");
        assertThat(html).contains("Latest check-in: 4 of 5", "class=\"urgent-flag\"", "opted out of texts (STOP)",
                "The plan was laid again: 3 moment(s) planned", "America/New_York", "+1*******67");

        String spanish = PatientPages.timeline("es", person(), PatientTimelines.build(care(), "es"),
                StateLabels.of(SignInResource.messages("es"))).setLocale(Locale.forLanguageTag("es")).render();
        assertThat(spanish).contains("Historial", "entregado", "fallido", "Momento de cuidado leaving",
                "El paciente respondió");
    }

    @Test
    void searchResultsLinkEachTimelineAndTheNextPageKeepsTheWholeNumber() {
        BookingMatches matches = new BookingMatches(List.of(new BookingMatches.Match(UUID.randomUUID(), "b-77", "Ana",
                "+34*******78", "booked", "microneedling", TREATED, "Europe/Madrid", "planned")), "MjAyNnxh");
        String more = PatientsResource.more("+34612345678", matches, "en");
        String html = PatientPages.patients("en", person(), "+34612345678", matches, null, more).render();

        assertThat(html).contains("<ul id=\"results\"", "data-booking=\"b-77\"", "href=\"/patients/b-77?lang=en\"",
                "+34*******78", "value=\"+34612345678\"");
        assertThat(html).contains("id=\"more\" href=\"/patients?q=%2B34612345678&amp;cursor=MjAyNnxh&amp;lang=en\"");
        assertThat(PatientsResource.more("Ana", new BookingMatches(List.of(), null), "en")).isNull();
        assertThat(PatientPages.patients("en", person(), "Zoe", new BookingMatches(List.of(), null), null, null)
                .render()).contains("id=\"no-matches\"").doesNotContain("id=\"more\"");
    }

    private static TimelineEntry moment(PatientTimeline timeline, UUID id) {
        return timeline.entries().stream().filter(e -> e.moment() != null && e.moment().id().equals(id)).findFirst()
                .orElseThrow();
    }

    private static int count(String html, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(html);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static Person person() {
        return new Person(UUID.randomUUID(), "clinic-t", "nurse@clinic.example", "Nurse", "staff", "x", "csrf");
    }

    /** What the services answered for a booking planned, re-planned a day later, partly delivered, answered, STOPped. */
    private static BookingCare care() {
        BookingRecord.Patient patient = new BookingRecord.Patient("Ana", "+1*******67", "a**@example.com", "en",
                "America/New_York", "sms", true, true, true);
        Instant leavingAt = TREATED.plusSeconds(5 * 3600 + 45 * 60);
        Instant day2 = Instant.parse("2026-12-09T14:30:00Z");
        List<BookingRecord.Moment> moments = List.of(
                moment(OLD_DAY2, "day2-0930", Instant.parse("2026-12-08T14:30:00Z"), "revoked", CREATED, null),
                moment(LEAVING, "leaving", leavingAt, "dispatched", REPLANNED,
                        "Hi Ana, leave your skin alone tonight."),
                moment(DAY2, "day2-0930", day2, "dispatched", REPLANNED, "Day two."),
                moment(CHECK_IN, "day3-0930", day2.plusSeconds(86400), "planned", REPLANNED,
                        "How does your skin feel?"));
        BookingRecord booking = new BookingRecord(UUID.randomUUID(), "b-77", "booked", "microneedling",
                TREATED.plusSeconds(5 * 3600), leavingAt, "planned", 1,
                new BookingRecord.CheckIn(4, day2.plusSeconds(90000)),
                CREATED, REPLANNED, patient, moments);
        List<DeliveryRecord> deliveries = List.of(
                delivery(LEAVING, "leaving", "delivered", null, leavingAt, List.of()),
                delivery(DAY2, "day2-0930", "failed", "unreachable number", day2,
                        List.of(new DeliveryRecord.Attempt(1, "sms", "twilio", "failed", 400, "30003", "unreachable",
                                null, day2))),
                delivery(UUID.randomUUID(), "urgent-answer", "sent", null, day2.plusSeconds(86400 + 3700),
                        List.of()));
        ConversationRecord conversation = new ConversationRecord(booking.id(),
                List.of(new ConversationRecord.Reply(UUID.randomUUID(), "4 <script>worse</script>", "en", 4, true,
                        "check-in answer 4 of 5", "open", day2.plusSeconds(86400 + 3600), null, null)),
                List.of(new ConversationRecord.OptOut("sms", "STOP", false, day2.plusSeconds(2 * 86400))));
        return new BookingCare(booking, deliveries, conversation);
    }

    private static BookingRecord.Moment moment(UUID id, String key, Instant due, String state, Instant planned,
            String sms) {
        return new BookingRecord.Moment(id, key, 1, "care", "normal", List.of("sms", "email"), due,
                LocalDateTime.ofInstant(due, java.time.ZoneId.of("America/New_York")), due.plusSeconds(7200), state,
                planned, null, sms, sms == null ? null : "Your first night", sms == null ? null : "Body\nline two");
    }

    private static DeliveryRecord delivery(UUID reminder, String key, String status, String reason, Instant at,
            List<DeliveryRecord.Attempt> history) {
        return new DeliveryRecord(reminder, key, "sms", status, reason, "twilio", null, history.size() + 1, null, at,
                at, history);
    }
}
