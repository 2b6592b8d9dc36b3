package io.aftercare.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clinic a newcomer's {@code ./aftercare up} makes, so that the console has someone to sign in: its profile at
 * scheduling and its first admin at the console, invited through the operator's bootstrap. The admin's one-time link
 * (the console keeps only its hash) is printed once; with it the admin chooses a password. A later start finds both
 * and changes nothing, so that what the admin set in the console's settings stays.
 */
public final class DemoClinic {

    public static final String ID = "demo-clinic";
    public static final String NAME = "Demo Clinic";
    public static final String ADMIN_EMAIL = "admin@demo-clinic.example";

    private final PrintStream out;
    private final String scheduling;
    private final String console;
    private final String operatorPassword;
    private final HttpClient http = HttpClient.newHttpClient();

    public DemoClinic(PrintStream out, String schedulingUrl, String consoleUrl, String operatorPassword) {
        this.out = out;
        this.scheduling = schedulingUrl;
        this.console = consoleUrl;
        this.operatorPassword = operatorPassword;
    }

    /** @return the admin's one-time link when the admin was invited now, else null (invited at an earlier start) */
    public String setUp() throws IOException, InterruptedException {
        ensureProfile();
        return inviteAdmin();
    }

    private void ensureProfile() throws IOException, InterruptedException {
        String path = scheduling + "/v1/admin/clinics/" + ID;
        int found = send(HttpRequest.newBuilder(URI.create(path)).GET()).statusCode();
        if (found == 200) {
            return;
        }
        String profile = """
                {"name": "%s", "timeZone": "Europe/Madrid", "locale": "en", "phone": "+34912345678",
                 "alertEmail": "desk@demo-clinic.example",
                 "helpTexts": {"en": "Demo Clinic: call +34912345678.", "es": "Demo Clinic: llama al +34912345678."}}
                """.formatted(NAME);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(profile)));
        if (put.statusCode() != 201 && put.statusCode() != 200) {
            throw new IOException("scheduling refused the demo clinic's profile (" + put.statusCode() + "): "
                    + put.body());
        }
    }

    private String inviteAdmin() throws IOException, InterruptedException {
        HttpResponse<String> invited = send(HttpRequest.newBuilder(
                URI.create(console + "/v1/admin/clinics/" + ID + "/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"" + ADMIN_EMAIL + "\", \"displayName\": \"Demo Admin\"}")));
        if (invited.statusCode() == 409) {
            out.println("Demo clinic " + ID + ": its admin " + ADMIN_EMAIL + " was invited at the first start;"
                    + " sign in at " + console + "/sign-in (link lost? delete .aftercare/data for a fresh start)");
            return null;
        }
        if (invited.statusCode() != 201) {
            throw new IOException("the console refused the demo clinic's admin (" + invited.statusCode() + "): "
                    + invited.body());
        }
        String link = new ObjectMapper().readTree(invited.body()).path("inviteLink").asText();
        out.println("Demo clinic " + ID + " (" + NAME + "), its admin " + ADMIN_EMAIL + ":");
        out.println("  choose the admin's password once at " + link);
        out.println("  (a one-time link, shown only now; it works for 72 hours), then sign in at " + console
                + "/sign-in");
        return link;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String basic = Base64.getEncoder()
                .encodeToString(("operator:" + operatorPassword).getBytes(StandardCharsets.UTF_8));
        return http.send(request.header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
