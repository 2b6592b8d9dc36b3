package io.aftercare.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./aftercare demo}: posts a sample booking to the running system, as a clinic's booking system would, and
 * shows the messages the patient receives.
 */
final class DemoBooking {

    private static final Duration WAIT_FOR_MESSAGES = Duration.ofSeconds(30);

    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String scheduling = "http://localhost:" + AftercareService.SCHEDULING.localRunPort();
    private final String notification = "http://localhost:" + AftercareService.NOTIFICATION.localRunPort();

    DemoBooking(PrintStream out) {
        this.out = out;
    }

    void run() throws IOException, InterruptedException {
        String bookingPath = "/v1/clinics/demo-clinic/bookings/demo-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        String booking = """
                {
                  "patient": {
                    "firstName": "Ana",
                    "phone": "+34612345678",
                    "email": "ana@example.com",
                    "locale": "en",
                    "timeZone": "Europe/Madrid",
                    "preferredChannel": "sms",
                    "consent": {"sms": true, "email": true}
                  },
                  "treatment": {"type": "microneedling", "startsAt": "%s", "endsAt": "%s"},
                  "status": "booked"
                }
                """.formatted(end.minusMinutes(45), end);
        out.println("PUT " + scheduling + bookingPath);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(scheduling + bookingPath))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(booking))
                .build(), HttpResponse.BodyHandlers.ofString());
        out.println("-> " + created.statusCode());
        if (created.statusCode() >= 300) {
            out.println(created.body());
            throw new IOException("the booking was refused; is ./aftercare up running?");
        }
        JsonNode plan = json.readTree(created.body()).path("reminders");
        Set<String> reminderIds = new HashSet<>();
        out.println("\nPlanned reminders:");
        for (JsonNode reminder : plan) {
            reminderIds.add(reminder.path("id").asText());
            out.printf("  %-22s due %s (patient's clock %s)  %s%n", reminder.path("ruleKey").asText(),
                    reminder.path("dueAt").asText(), reminder.path("dueLocal").asText(),
                    reminder.path("state").asText());
        }
        out.println("\nWaiting for the messages that are due now...");
        showMessages(reminderIds);
    }

    private void showMessages(Set<String> reminderIds) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_FOR_MESSAGES);
        Set<String> shown = new HashSet<>();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(notification + "/v1/console/messages?limit=50")).build(),
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
