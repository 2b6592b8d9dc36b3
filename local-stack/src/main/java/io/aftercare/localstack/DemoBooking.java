package io.aftercare.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./aftercare demo}: posts a sample booking to the running system for the demo clinic, as a clinic's booking
 * system would, shows the messages the patient receives, and has the patient answer one by text, through the SMS
 * provider's inbound webhook exactly as Twilio calls it, so that the reply waits in the clinic's console inbox.
 */
public final class DemoBooking {

    private static final Duration WAIT_FOR_MESSAGES = Duration.ofSeconds(30);
    private static final String PHONE = "+34612345678";
    /** What the demo patient answers; a question, as most replies are. */
    public static final String REPLY = "Thank you! Is it normal that my skin still feels warm?";

    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String scheduling;
    private final String notification;
    private final String console;
    private final LocalSecrets secrets;

    /** @param secrets the running system's, from its secrets file */
    public DemoBooking(PrintStream out, String schedulingUrl, String notificationUrl, String consoleUrl,
            LocalSecrets secrets) {
        this.out = out;
        this.scheduling = schedulingUrl;
        this.notification = notificationUrl;
        this.console = consoleUrl;
        this.secrets = secrets;
    }

    /** The local run's services on their usual ports. */
    static DemoBooking localRun(PrintStream out, LocalSecrets secrets) {
        return new DemoBooking(out, url(AftercareService.SCHEDULING), url(AftercareService.NOTIFICATION),
                url(AftercareService.CONSOLE), secrets);
    }

    private static String url(AftercareService service) {
        return "http://" + ServiceProcess.HOST + ":" + service.localRunPort();
    }

    /** @return the booking's id, whose patient's reply is in the demo clinic's inbox */
    public String run() throws IOException, InterruptedException {
        String apiKey = issueApiKey();
        String bookingPath = "/v1/clinics/" + DemoClinic.ID + "/bookings/demo-"
                + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String booking = """
                {
                  "patient": {
                    "firstName": "Ana",
                    "phone": "%s",
                    "email": "ana@example.com",
                    "locale": "en",
                    "timeZone": "%s",
                    "preferredChannel": "sms",
                    "consent": {"sms": true, "email": true}
                  },
                  "treatment": {"type": "microneedling", "startsAt": "%s", "endsAt": "%s"},
                  "status": "booked"
                }
                """.formatted(PHONE, patientZone(), end.minusMinutes(45), end);
        HttpResponse<String> created = book(bookingPath, apiKey, booking);
        Set<String> reminderIds = printPlan(created);
        out.println("\nWaiting for the messages that are due now...");
        showMessages(reminderIds);
        String bookingId = json.readTree(created.body()).path("id").asText();
        new DemoReply(out, http, notification, secrets.twilioAuthToken()).leave(bookingId, apiKey, PHONE, REPLY);
        out.println("It waits in " + DemoClinic.NAME + "'s inbox: sign in at " + console + "/sign-in as "
                + DemoClinic.ADMIN_EMAIL + " and open " + console + "/inbox");
        return bookingId;
    }

    /** Madrid, unless it is night there: nobody is texted at night, and the demo shows texts going out. */
    private String patientZone() {
        String zone = "Europe/Madrid";
        LocalTime madrid = LocalTime.now(ZoneId.of(zone));
        if (madrid.isBefore(LocalTime.of(8, 0)) || madrid.isAfter(LocalTime.of(19, 0))) {
            zone = MiddayZone.now();
            out.println("It is night in Madrid, and nobody is texted at night; the demo patient lives in " + zone
                    + " instead, where it is afternoon.");
        }
        return zone;
    }

    private HttpResponse<String> book(String bookingPath, String apiKey, String booking)
            throws IOException, InterruptedException {
        out.println("PUT " + scheduling + bookingPath);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(scheduling + bookingPath))
                .header("Content-Type", "application/json")
                .header("Authorization", basic(DemoClinic.ID, apiKey))
                .PUT(HttpRequest.BodyPublishers.ofString(booking))
                .build(), HttpResponse.BodyHandlers.ofString());
        out.println("-> " + created.statusCode());
        if (created.statusCode() >= 300) {
            out.println(created.body());
            throw new IOException("the booking was refused; is ./aftercare up running?");
        }
        return created;
    }

    /** @return the ids of the planned reminders */
    private Set<String> printPlan(HttpResponse<String> created) throws IOException {
        JsonNode plan = json.readTree(created.body()).path("reminders");
        Set<String> reminderIds = new HashSet<>();
        out.println("\nPlanned reminders:");
        for (JsonNode reminder : plan) {
            reminderIds.add(reminder.path("id").asText());
            out.printf("  %-22s due %s (patient's clock %s)  %s%n", reminder.path("ruleKey").asText(),
                    reminder.path("dueAt").asText(), reminder.path("dueLocal").asText(),
                    reminder.path("state").asText());
        }
        return reminderIds;
    }

    /** As an operator would for a new clinic: one API key for the clinic's booking system. */
    private String issueApiKey() throws IOException, InterruptedException {
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(
                URI.create(scheduling + "/v1/admin/clinics/" + DemoClinic.ID + "/credentials"))
                .header("Authorization", basic("operator", secrets.operatorPassword()))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (issued.statusCode() != 201) {
            throw new IOException("the operator could not issue an API key (" + issued.statusCode()
                    + "); is ./aftercare up running?");
        }
        return json.readTree(issued.body()).path("secret").asText();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void showMessages(Set<String> reminderIds) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_MESSAGES);
        Set<String> shown = new HashSet<>();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(notification + "/v1/console/messages?limit=50"))
                    .header("Authorization", basic("operator", secrets.operatorPassword()))
                    .build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode message : json.readTree(response.body())) {
                String reference = message.path("reference").asText();
                if (reminderIds.contains(reference) && shown.add(reference)) {
                    printPhoneScreen(message);
                }
            }
            if (!shown.isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        out.println("No message arrived within " + WAIT_FOR_MESSAGES + "; see .aftercare/logs/");
    }

    private void printPhoneScreen(JsonNode message) {
        String body = message.path("body").asText();
        out.println();
        out.println("  SMS to " + message.path("to").asText() + " at " + message.path("sentAt").asText());
        out.println("  +" + "-".repeat(44) + "+");
        for (String line : wrap(body, 42)) {
            out.printf("  | %-42s |%n", line);
        }
        out.println("  +" + "-".repeat(44) + "+");
    }

    private static java.util.List<String> wrap(String text, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
