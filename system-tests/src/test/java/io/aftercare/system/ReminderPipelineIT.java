package io.aftercare.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.aftercare.localstack.AftercareService;
import io.aftercare.localstack.InfrastructurePorts;
import io.aftercare.localstack.LocalAftercare;
import io.aftercare.localstack.MiddayZone;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The three packaged services, each in its own JVM, against real PostgreSQL and Kafka: a booking's first reminder,
 * due at once, must come out of the console SMS provider, even when guidance was down as the booking arrived.
 */
class ReminderPipelineIT {

    private static final Duration DELIVERY_BOUND = Duration.ofSeconds(30);
    private static final String CLINIC = "system-clinic";

    private static LocalAftercare aftercare;
    private static String apiKey;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path repository = Path.of(System.getProperty("aftercare.repo", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("system-test-");
        Path logs = Path.of(System.getProperty("aftercare.logs", home.resolve("logs").toString()));
        Path cache = Path.of(System.getProperty("aftercare.cache", home.resolve("cache").toString()));
        aftercare = LocalAftercare.start(new LocalAftercare.Layout(repository, home.resolve("data"), cache, logs),
                InfrastructurePorts.random(), LocalAftercare.randomPorts(), System.out::println);
        apiKey = given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING))
                .auth()
                .preemptive()
                .basic("operator", aftercare.secrets().operatorPassword())
                .post("/v1/admin/clinics/" + CLINIC + "/credentials")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        if (aftercare != null) {
            aftercare.kill(); // nothing here is about stopping: a graceful stop would cost about 3 s
        }
    }

    @Test
    void aBookingDueNowComesOutOfTheConsoleSmsProvider() throws Exception {
        var booking = clinic().body(booking("Lena", "+4915112345678"))
                .put("/v1/clinics/" + CLINIC + "/bookings/system-1")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String reminderId = booking.getString("reminders.find { it.ruleKey == 'leaving' }.id");

        Map<String, Object> message = awaitConsoleMessage(reminderId);

        assertThat(message.get("to")).isEqualTo("+49*********78");
        assertThat((String) message.get("body")).startsWith("Hi Lena,").contains("STOP");
        String deliveries = aftercare.baseUrl(AftercareService.NOTIFICATION) + "/v1/clinics/" + CLINIC
                + "/deliveries?bookingId=" + booking.getString("id");
        given().auth().preemptive().basic(CLINIC, apiKey).get(deliveries)
                .then()
                .statusCode(200)
                .body("find { it.reminderId == '" + reminderId + "' }.status", org.hamcrest.Matchers.equalTo("sent"))
                .body("find { it.reminderId == '" + reminderId + "' }.history[0].provider",
                        org.hamcrest.Matchers.equalTo("console"));
        given().auth().preemptive().basic(CLINIC, "ak_0000_forged").get(deliveries).then().statusCode(401);
        given().get(deliveries).then().statusCode(401);
        for (AftercareService service : aftercare.started()) {
            given().baseUri(aftercare.baseUrl(service)).get("/q/health").then().statusCode(200);
        }
    }

    @Test
    void aBookingThatArrivesWhileGuidanceIsDownIsPlannedAndSentOnceItIsBack() throws Exception {
        aftercare.stopService(AftercareService.GUIDANCE);
        String path = "/v1/clinics/" + CLINIC + "/bookings/system-2";
        try {
            clinic().body(booking("Marta", "+34612345679"))
                    .put(path)
                    .then()
                    .statusCode(201)
                    .body("planState", org.hamcrest.Matchers.equalTo("planning"))
                    .body("reminders", org.hamcrest.Matchers.empty());
            // Still ready: bookings are accepted; guidance shows as degraded, not down.
            given().get(aftercare.baseUrl(AftercareService.SCHEDULING) + "/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'Guidance service' }.data.guidance",
                            org.hamcrest.Matchers.startsWith("DEGRADED"));
        } finally {
            aftercare.startService(AftercareService.GUIDANCE);
        }

        String reminderId = awaitPlannedReminder(path, "leaving");
        Map<String, Object> message = awaitConsoleMessage(reminderId);
        assertThat((String) message.get("body")).startsWith("Hi Marta,");
    }

    @Test
    void aRescheduleWhileGuidanceIsDownKeepsThePlanUntilTheNewOneIsKnown() throws Exception {
        String path = "/v1/clinics/" + CLINIC + "/bookings/system-5";
        OffsetDateTime weekAhead = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).truncatedTo(ChronoUnit.MINUTES);
        List<String> before = clinic().body(bookingAt("Lena", "+34612345677", weekAhead))
                .put(path)
                .then()
                .statusCode(201)
                .extract()
                .path("reminders.findAll { it.state == 'planned' }.id");
        assertThat(before).isNotEmpty();

        aftercare.stopService(AftercareService.GUIDANCE);
        try {
            clinic().body(bookingAt("Lena", "+34612345677", weekAhead.plusDays(2)))
                    .put(path)
                    .then()
                    .statusCode(200)
                    .body("planState", org.hamcrest.Matchers.equalTo("planning"));
            // Nothing was revoked on the strength of a plan nobody could compute.
            List<String> stillPlanned = clinic().get(path).path("reminders.findAll { it.state == 'planned' }.id");
            assertThat(stillPlanned).containsExactlyInAnyOrderElementsOf(before);
        } finally {
            aftercare.startService(AftercareService.GUIDANCE);
        }

        // Once guidance answers, the plan follows the new date: the old reminders revoked, new ones planned.
        await(path + " to follow the new date").atMost(DELIVERY_BOUND).pollInSameThread().until(() -> {
            io.restassured.path.json.JsonPath booking = clinic().get(path).jsonPath();
            return "planned".equals(booking.getString("planState"))
                    && booking.getList("reminders.findAll { it.state == 'revoked' }.id").containsAll(before)
                            ? booking
                            : null;
        }, Objects::nonNull);
    }

    /**
     * The care loop backwards: the check-in text goes out, the patient answers "4, muy roja" through a Twilio-signed
     * webhook, the clinic finds an urgent entry in its inbox (and no other clinic does), the booking shows the answer,
     * and the staff's answer reaches the patient through the normal sending path.
     */
    @Test
    void aBadCheckInAnswerBecomesAnUrgentInboxEntryAndTheStaffReplyReachesThePatient() throws Exception {
        String phone = "+34612345688";
        String path = "/v1/clinics/" + CLINIC + "/bookings/system-6";
        // Two days ago, where it is early afternoon now: the second morning's check-in is due and still valid.
        OffsetDateTime end = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).minusHours(1)
                .truncatedTo(ChronoUnit.SECONDS);
        String checkIn = clinic()
                .body(bookingAt("Lucia", phone, end).replace("\"locale\": \"en\"", "\"locale\": \"es\""))
                .put(path)
                .then()
                .statusCode(201)
                .extract()
                .path("reminders.find { it.category == 'check-in' }.id");
        assertThat((String) awaitConsoleMessage(checkIn).get("body")).contains("Responde de 1 (bien) a 5 (mucho peor)");
        // Replies are routed by the texts the delivery recorded as sent: the patient answers once it is.
        awaitTextSent(CLINIC, apiKey, clinic().get(path).path("id"));

        String notification = aftercare.baseUrl(AftercareService.NOTIFICATION);
        Map<String, String> reply = new java.util.LinkedHashMap<>();
        reply.put("MessageSid", "SM" + java.util.UUID.randomUUID().toString().replace("-", ""));
        reply.put("From", phone);
        reply.put("To", "+15005550006");
        reply.put("Body", "4, muy roja");
        String inboundUrl = notification + "/v1/webhooks/twilio/inbound";
        given().contentType("application/x-www-form-urlencoded")
                .formParams(reply)
                .header("X-Twilio-Signature", twilioSignature(inboundUrl, reply))
                .post(inboundUrl)
                .then()
                .statusCode(200);

        String inbox = notification + "/v1/clinics/" + CLINIC + "/inbox";
        io.restassured.path.json.JsonPath entries = given().auth().preemptive().basic(CLINIC, apiKey).get(inbox)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String bookingId = clinic().get(path).path("id");
        Map<String, Object> urgent = entries.getMap("items.find { it.bookingId == '" + bookingId + "' }");
        assertThat(urgent).containsEntry("urgent", true).containsEntry("checkInScore", 4)
                .containsEntry("body", "4, muy roja");
        // The patient is told, once, in their language; the booking shows the answer; the ops page counts it.
        assertThat(awaitConsoleBody("Gracias. Hemos avisado a tu clinica")).isNotNull();
        await(path + " to show the check-in answer").atMost(DELIVERY_BOUND).pollInSameThread().until(
                () -> Integer.valueOf(4).equals(clinic().get(path).jsonPath().get("checkIn.score")));
        assertThat(given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING)).auth().preemptive()
                .basic("operator", aftercare.secrets().operatorPassword())
                .get("/v1/ops/overview?clinicId=" + CLINIC)
                .jsonPath()
                .getInt("inbox.urgent")).isPositive();

        // Another clinic sees nothing of it.
        String otherClinic = "system-clinic-other";
        String otherKey = given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING)).auth().preemptive()
                .basic("operator", aftercare.secrets().operatorPassword())
                .post("/v1/admin/clinics/" + otherClinic + "/credentials")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        given().auth().preemptive().basic(otherClinic, otherKey).get(inbox).then().statusCode(403);
        assertThat(given().auth().preemptive().basic(otherClinic, otherKey)
                .get(notification + "/v1/clinics/" + otherClinic + "/inbox")
                .jsonPath()
                .getList("items.bookingId")).doesNotContain(bookingId);

        String staffText = "Hola Lucia, te llamamos ahora mismo desde la clinica.";
        String delivery = given().auth().preemptive().basic(CLINIC, apiKey)
                .contentType(ContentType.JSON)
                .body("{\"text\": \"" + staffText + "\"}")
                .post(inbox + "/" + urgent.get("id") + "/reply")
                .then()
                .statusCode(202)
                .extract()
                .path("deliveryId");
        assertThat(awaitConsoleMessage("reply:" + delivery).get("body")).isEqualTo(staffText);
    }

    /**
     * Two clinics share one patient's number, as clinics on one deployment can: every reply lands where the
     * conversation says (the sender the patient answered, then the booking that texted them last from it), urgent
     * alerts included, and never at a clinic that only booked the number.
     */
    @Test
    void repliesFromANumberTwoClinicsShareLandOnlyWhereTheConversationSays() throws Exception {
        String phone = "+34612345699";
        String a = "routing-a";
        String b = "routing-b";
        String ownA = "routing-own-a";
        String ownB = "routing-own-b";
        // The clinics with their own senders first, so that notification has their profiles before they text.
        String senderA = "+34910000001";
        String senderB = "MG" + java.util.UUID.randomUUID().toString().replace("-", "");
        for (String[] clinic : new String[][]{{a, null}, {b, null}, {ownA, senderA}, {ownB, senderB}}) {
            operatorOf(AftercareService.SCHEDULING).contentType(ContentType.JSON)
                    .body(routingProfile(clinic[0], clinic[1]))
                    .put("/v1/admin/clinics/" + clinic[0])
                    .then()
                    .statusCode(201);
        }
        String notification = aftercare.baseUrl(AftercareService.NOTIFICATION);
        Map<String, String> keys = new java.util.HashMap<>();
        for (String clinic : List.of(a, b, ownA, ownB)) {
            keys.put(clinic, operatorOf(AftercareService.SCHEDULING).post("/v1/admin/clinics/" + clinic
                    + "/credentials").then().statusCode(201).extract().path("secret"));
        }

        // A texts the number; B books it too, without SMS consent: B's reminder goes by email, B texts nothing.
        String bookingA = bookAndAwaitText(a, keys.get(a), phone, true, "routing-1");
        String bookingB = book(b, keys.get(b), phone, false, "routing-2");
        patientTexts(phone, "+15005550006", null, "I have a fever since last night");
        Map<String, Object> urgent = awaitInboxEntry(a, keys.get(a), bookingA);
        assertThat(urgent).containsEntry("urgent", true);
        assertThat(inboxOf(b, keys.get(b))).isEmpty();
        // The urgent alert goes to A's desk; B's hears nothing.
        await("the alert at A's desk").atMost(DELIVERY_BOUND).pollInSameThread()
                .until(() -> aftercare.infrastructure().smtp()
                        .receivedBy("desk@" + a + ".example").stream()
                        .filter(m -> io.aftercare.localstack.LocalSmtp.textOf(m).contains((String) urgent.get("id")))
                        .findFirst().orElse(null), Objects::nonNull);
        assertThat(aftercare.infrastructure().smtp().receivedBy("desk@" + b + ".example")).isEmpty();

        // Both text it from their own senders: each reply goes to the clinic whose number it answers.
        String bookingOwnA = bookAndAwaitText(ownA, keys.get(ownA), phone, true, "routing-3");
        String bookingOwnB = bookAndAwaitText(ownB, keys.get(ownB), phone, true, "routing-4");
        patientTexts(phone, senderA, null, "there is pus on my cheek");
        patientTexts(phone, "+34910000099", senderB, "is the redness normal?");
        assertThat(awaitInboxEntry(ownA, keys.get(ownA), bookingOwnA)).containsEntry("urgent", true);
        assertThat(awaitInboxEntry(ownB, keys.get(ownB), bookingOwnB)).containsEntry("urgent", false)
                .containsEntry("body", "is the redness normal?");
        assertThat(inboxOf(ownA, keys.get(ownA))).hasSize(1);

        // Then from the one shared sender: B now texts the number (consent given), so its replies are B's.
        String bookingB2 = bookAndAwaitText(b, keys.get(b), phone, true, "routing-5");
        patientTexts(phone, "+15005550006", null, "ok, thank you");
        assertThat(awaitInboxEntry(b, keys.get(b), bookingB2)).containsEntry("body", "ok, thank you");
        assertThat(inboxOf(a, keys.get(a))).hasSize(1);
        assertThat(inboxOf(b, keys.get(b))).extracting(e -> e.get("bookingId")).doesNotContain(bookingB);
    }

    /** Both services remember a checked key; a revocation at scheduling reaches both within 2 s. */
    @Test
    void aRevokedKeyIsRefusedByEveryServiceWithinTwoSeconds() throws Exception {
        String clinic = "revoked-clinic";
        String key = operatorOf(AftercareService.SCHEDULING).post("/v1/admin/clinics/" + clinic + "/credentials")
                .then().statusCode(201).extract().path("secret");
        String keyId = key.split("_", 3)[1];
        String atScheduling = aftercare.baseUrl(AftercareService.SCHEDULING) + "/v1/clinics/" + clinic + "/session";
        String atNotification = aftercare.baseUrl(AftercareService.NOTIFICATION) + "/v1/clinics/" + clinic + "/inbox";
        given().auth().preemptive().basic(clinic, key).get(atScheduling).then().statusCode(204);
        given().auth().preemptive().basic(clinic, key).get(atNotification).then().statusCode(200);

        java.time.Instant revoked = java.time.Instant.now();
        operatorOf(AftercareService.SCHEDULING).delete("/v1/admin/clinics/" + clinic + "/credentials/" + keyId)
                .then().statusCode(204);
        for (String url : List.of(atScheduling, atNotification)) {
            while (given().auth().preemptive().basic(clinic, key).get(url).statusCode() != 401) {
                assertThat(Duration.between(revoked, java.time.Instant.now())).as(url)
                        .isLessThan(Duration.ofSeconds(2));
                Thread.sleep(50);
            }
        }
    }

    private static String routingProfile(String clinic, String sender) {
        return """
                {"name": "Clinic %s", "timeZone": "Europe/Madrid", "locale": "en", "phone": "+34912345678",
                 %s "alertEmail": "desk@%s.example", "consentBasis": "healthcare-exemption",
                 "helpTexts": {"en": "Clinic %s: call +34912345678."}, "webhooks": []}
                """.formatted(clinic, sender == null
                ? ""
                : "\"sms\": {\"sender\": \"" + sender
                        + "\", \"messagesPerSecond\": 10},",
                clinic, clinic);
    }

    private static String book(String clinic, String key, String phone, boolean smsConsent, String ref) {
        String body = booking("Ana", phone);
        if (!smsConsent) {
            body = body.replace("\"consent\": {\"sms\": true", "\"consent\": {\"sms\": false")
                    .replace("\"preferredChannel\": \"sms\"", "\"preferredChannel\": \"email\"");
        }
        return given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING)).auth().preemptive().basic(clinic, key)
                .contentType(ContentType.JSON).body(body).put("/v1/clinics/" + clinic + "/bookings/" + ref)
                .then().statusCode(201).extract().path("id");
    }

    /** Books the number and waits until a text of the booking went out, so that the conversation is the booking's. */
    private static String bookAndAwaitText(String clinic, String key, String phone, boolean smsConsent, String ref) {
        String id = book(clinic, key, phone, smsConsent, ref);
        awaitTextSent(clinic, key, id);
        return id;
    }

    /** Until notification recorded a text of the booking as sent, which is when a reply to it can be routed. */
    private static void awaitTextSent(String clinic, String key, String bookingId) {
        await("a text of booking " + bookingId + " recorded as sent").atMost(DELIVERY_BOUND).pollInSameThread()
                .until(() -> given()
                        .baseUri(aftercare.baseUrl(AftercareService.NOTIFICATION)).auth().preemptive()
                        .basic(clinic, key)
                        .queryParam("bookingId", bookingId).get("/v1/clinics/" + clinic + "/deliveries").jsonPath()
                        .getList("findAll { it.channel == 'sms' && (it.status == 'sent' || it.status == 'delivered') }")
                        .isEmpty() ? null : true, Objects::nonNull);
    }

    private static void patientTexts(String from, String to, String messagingService, String body) throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("MessageSid", "SM" + java.util.UUID.randomUUID().toString().replace("-", ""));
        if (messagingService != null) {
            form.put("MessagingServiceSid", messagingService);
        }
        form.put("From", from);
        form.put("To", to);
        form.put("Body", body);
        String inboundUrl = aftercare.baseUrl(AftercareService.NOTIFICATION) + "/v1/webhooks/twilio/inbound";
        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", twilioSignature(inboundUrl, form))
                .post(inboundUrl).then().statusCode(200);
    }

    private static List<Map<String, Object>> inboxOf(String clinic, String key) {
        return given().baseUri(aftercare.baseUrl(AftercareService.NOTIFICATION)).auth().preemptive()
                .basic(clinic, key).get("/v1/clinics/" + clinic + "/inbox").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }

    private static Map<String, Object> awaitInboxEntry(String clinic, String key, String bookingId) {
        return await("a reply of booking " + bookingId + " in " + clinic + "'s inbox").atMost(DELIVERY_BOUND)
                .pollInSameThread()
                .until(() -> inboxOf(clinic, key).stream().filter(e -> bookingId.equals(e.get("bookingId"))).findFirst()
                        .orElse(null), Objects::nonNull);
    }

    private static RequestSpecification operatorOf(AftercareService service) {
        return given().baseUri(aftercare.baseUrl(service)).auth().preemptive().basic("operator",
                aftercare.secrets().operatorPassword());
    }

    private static int sentInTheLastHour() {
        return given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING))
                .auth()
                .preemptive()
                .basic("operator", aftercare.secrets().operatorPassword())
                .get("/v1/ops/overview?hours=1&clinicId=" + CLINIC)
                .jsonPath()
                .getInt("funnel.sent");
    }

    /** Twilio's request signature (HMAC-SHA1 of the URL and the sorted parameters), keyed by the local run's token. */
    private static String twilioSignature(String url, Map<String, String> parameters) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new java.util.TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                aftercare.secrets().twilioAuthToken().getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        return java.util.Base64.getEncoder()
                .encodeToString(mac.doFinal(data.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static String awaitConsoleBody(String start) {
        return await("a console message starting " + start).atMost(DELIVERY_BOUND).pollInSameThread()
                .until(() -> given()
                        .baseUri(aftercare.baseUrl(AftercareService.NOTIFICATION))
                        .auth()
                        .preemptive()
                        .basic("operator", aftercare.secrets().operatorPassword())
                        .get("/v1/console/messages?limit=50")
                        .jsonPath()
                        .<String>getList("body")
                        .stream()
                        .filter(body -> body.startsWith(start))
                        .findFirst()
                        .orElse(null), Objects::nonNull);
    }

    /**
     * kill -9, as a crash or an OOM kill: no goodbye to Kafka. With static group membership the restarted service
     * gets its partitions back at once (before, texting resumed only after the dead member's 45-second session);
     * readiness waits until it has them, so "ready" means it can consume.
     */
    @Test
    void aKilledNotificationServiceResumesTextingAsSoonAsItIsBack() throws Exception {
        aftercare.killService(AftercareService.NOTIFICATION);
        String reminderId = clinic().body(booking("Kira", "+4915112345671"))
                .put("/v1/clinics/" + CLINIC + "/bookings/system-7")
                .then()
                .statusCode(201)
                .extract()
                .path("reminders.find { it.ruleKey == 'leaving' }.id");

        long restarting = System.nanoTime();
        aftercare.startService(AftercareService.NOTIFICATION);
        long ready = System.nanoTime();
        awaitConsoleMessage(reminderId);
        long sent = System.nanoTime();

        System.out.printf("RECOVERY notification kill -9: ready %d ms after start, the waiting text out %d ms later%n",
                (ready - restarting) / 1_000_000, (sent - ready) / 1_000_000);
    }

    @Test
    void aKilledSchedulingServiceHearsOfDeliveriesAgainAsSoonAsItIsBack() throws Exception {
        aftercare.killService(AftercareService.SCHEDULING);
        long restarting = System.nanoTime();
        aftercare.startService(AftercareService.SCHEDULING);
        long ready = System.nanoTime();
        String path = "/v1/clinics/" + CLINIC + "/bookings/system-8";
        int sentBefore = sentInTheLastHour();
        String reminderId = clinic().body(booking("Ines", "+4915112345672"))
                .put(path)
                .then()
                .statusCode(201)
                .extract()
                .path("reminders.find { it.ruleKey == 'leaving' }.id");
        awaitConsoleMessage(reminderId);

        // The "sent" report travels back on notification-status, which the restarted service consumes again.
        await("the sent report of " + reminderId).atMost(DELIVERY_BOUND).pollInSameThread()
                .until(() -> sentInTheLastHour() > sentBefore);
        long heard = System.nanoTime();
        System.out.printf("RECOVERY scheduling kill -9: ready %d ms after start, a delivery report heard %d ms later%n",
                (ready - restarting) / 1_000_000, (heard - ready) / 1_000_000);
    }

    @Test
    void readinessGoesDownWithoutPostgresqlAndUpWhenItReturns() throws Exception {
        String ready = aftercare.baseUrl(AftercareService.SCHEDULING) + "/q/health/ready";
        given().get(ready).then().statusCode(200);

        aftercare.infrastructure().stopPostgres();
        try {
            awaitStatus(ready, 503);
        } finally {
            aftercare.infrastructure().startPostgres();
        }

        awaitStatus(ready, 200);
        for (AftercareService service : aftercare.started()) {
            awaitStatus(aftercare.baseUrl(service) + "/q/health/ready", 200);
        }
    }

    @Test
    void afterABookingEveryStageCountsInTheMetrics() throws Exception {
        String reminderId = clinic().body(booking("Mia", "+4915112345679"))
                .put("/v1/clinics/" + CLINIC + "/bookings/system-3")
                .then()
                .statusCode(201)
                .extract()
                .path("reminders.find { it.ruleKey == 'leaving' }.id");
        awaitConsoleMessage(reminderId);

        String scheduling = given().get(aftercare.baseUrl(AftercareService.SCHEDULING) + "/q/metrics").asString();
        String notification = given().get(aftercare.baseUrl(AftercareService.NOTIFICATION) + "/q/metrics").asString();
        String guidance = given().get(aftercare.baseUrl(AftercareService.GUIDANCE) + "/q/metrics").asString();
        assertThat(positive(scheduling, "aftercare_bookings_total{outcome=\"created\"}")).isTrue();
        assertThat(positive(scheduling, "aftercare_reminders_planned_total")).isTrue();
        assertThat(positive(scheduling, "aftercare_reminders_dispatched_total")).isTrue();
        assertThat(scheduling).contains("aftercare_dispatch_lateness_seconds_bucket");
        assertThat(positive(guidance, "aftercare_plans_computed_total{treatment=\"microneedling\"}")).isTrue();
        assertThat(positive(notification, "aftercare_notifications_total{channel=\"sms\",outcome=\"sent\"}")).isTrue();
    }

    @Test
    void theOpsPageShowsTheFunnelAndTheComingHoursInARealBrowser() throws Exception {
        String reminderId = clinic().body(booking("Noa", "+4915112345670"))
                .put("/v1/clinics/" + CLINIC + "/bookings/system-4")
                .then()
                .statusCode(201)
                .extract()
                .path("reminders.find { it.ruleKey == 'leaving' }.id");
        awaitConsoleMessage(reminderId);
        given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING)).get("/ops/").then().statusCode(401);
        // The "sent" report travels back from notification on Kafka; the page is loaded once it has arrived.
        await().atMost(DELIVERY_BOUND).pollInSameThread()
                .until(() -> given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING))
                        .auth()
                        .preemptive()
                        .basic("operator", aftercare.secrets().operatorPassword())
                        .get("/v1/ops/overview")
                        .jsonPath()
                        .getInt("funnel.sent") > 0);

        try (OperatorProxy proxy = new OperatorProxy(aftercare.baseUrl(AftercareService.SCHEDULING), "operator",
                aftercare.secrets().operatorPassword())) {
            String page = proxy.baseUrl() + "/ops/";
            // The browser gets the page's CSP, so a console free of errors means nothing on the page was blocked.
            given().get(page).then().statusCode(200)
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"));
            HeadlessChromium.Result dom = HeadlessChromium.dumpDom(page);
            Path screenshot = Path.of("target", "ops-page.png");
            HeadlessChromium.Result shot = HeadlessChromium.screenshot(page, screenshot);

            assertThat(dom.output()).contains("data-loaded=\"true\"");
            assertThat(stageCount(dom.output(), "booked")).isPositive();
            assertThat(stageCount(dom.output(), "planned")).isPositive();
            assertThat(stageCount(dom.output(), "dispatched")).isPositive();
            assertThat(stageCount(dom.output(), "sent")).isPositive();
            java.util.regex.Matcher bars = java.util.regex.Pattern.compile("<rect[^>]*data-count=\"(\\d+)\"")
                    .matcher(dom.output());
            int hours = 0;
            int planned = 0;
            while (bars.find()) {
                hours++;
                planned += Integer.parseInt(bars.group(1));
            }
            assertThat(hours).isEqualTo(48);
            assertThat(planned).isPositive();
            assertThat(dom.consoleErrors()).isEmpty();
            assertThat(shot.consoleErrors()).isEmpty();
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        }
    }

    private static int stageCount(String dom, String stage) {
        java.util.regex.Matcher count = java.util.regex.Pattern
                .compile("data-stage=\"" + stage + "\"><span class=\"count\">(\\d+)</span>")
                .matcher(dom);
        assertThat(count.find()).as("the funnel shows " + stage).isTrue();
        return Integer.parseInt(count.group(1));
    }

    @Test
    void aRealPrometheusScrapesAllThreeServicesWithTheDeploymentsConfiguration() throws Exception {
        Path config = Path.of(System.getProperty("aftercare.repo", "..")).resolve("ops/prometheus/prometheus.yml");
        assertThat(PrometheusServer.check(config)).contains("SUCCESS");

        Map<String, String> targets = Map.of("guidance:8081", hostPort(AftercareService.GUIDANCE), "scheduling:8082",
                hostPort(AftercareService.SCHEDULING), "notification:8083", hostPort(AftercareService.NOTIFICATION));
        try (PrometheusServer prometheus = PrometheusServer.start(config, targets)) {
            List<Map<String, Object>> up = await().atMost(DELIVERY_BOUND).pollInSameThread().until(() -> {
                try {
                    List<Map<String, Object>> active = given().baseUri(prometheus.baseUrl())
                            .get("/api/v1/targets")
                            .jsonPath()
                            .getList("data.activeTargets");
                    return active.size() == 3 && active.stream().allMatch(t -> "up".equals(t.get("health")))
                            ? active
                            : null;
                } catch (Exception notYetListening) { // REST Assured throws ConnectException undeclared
                    return null;
                }
            }, Objects::nonNull);
            assertThat(up.stream().map(t -> String.valueOf(((Map<?, ?>) t.get("labels")).get("job"))).toList())
                    .containsExactlyInAnyOrder("guidance-service", "scheduling-service", "notification-service");
            String backlog = await().atMost(DELIVERY_BOUND).pollInSameThread().until(() -> {
                List<Object> series = given().baseUri(prometheus.baseUrl())
                        .queryParam("query", "aftercare_reminders_due_backlog")
                        .get("/api/v1/query")
                        .jsonPath()
                        .getList("data.result");
                return series.isEmpty() ? null : "scraped";
            }, Objects::nonNull);
            assertThat(backlog).isEqualTo("scraped");
        }
    }

    private static String hostPort(AftercareService service) {
        return aftercare.baseUrl(service).substring("http://".length());
    }

    /** Whether the metrics text has the series with a value above zero. */
    private static boolean positive(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                // The value is the first token; an exemplar ("# {trace_id=...}") may follow it.
                .anyMatch(line -> Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]) > 0);
    }

    private static void awaitStatus(String url, int status) {
        await(url + " to answer " + status).atMost(Duration.ofSeconds(60)).pollInSameThread()
                .until(() -> given().get(url).statusCode() == status);
    }

    private static String booking(String firstName, String phone) {
        return bookingAt(firstName, phone, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    private static String bookingAt(String firstName, String phone, OffsetDateTime end) {
        return """
                {
                  "patient": {"firstName": "%s", "phone": "%s", "email": "patient@example.com",
                              "locale": "en", "timeZone": "%s", "preferredChannel": "sms",
                              "consent": {"sms": true, "email": true}},
                  "treatment": {"type": "microneedling", "startsAt": "%s", "endsAt": "%s"},
                  "status": "booked"
                }
                """.formatted(firstName, phone, MiddayZone.now(), end.minusMinutes(45), end);
    }

    private static RequestSpecification clinic() {
        return given().baseUri(aftercare.baseUrl(AftercareService.SCHEDULING))
                .auth()
                .preemptive()
                .basic(CLINIC, apiKey)
                .contentType(ContentType.JSON);
    }

    private static String awaitPlannedReminder(String path, String ruleKey) {
        return await(path + " to be planned").atMost(DELIVERY_BOUND).pollInSameThread().until(() -> clinic().get(path)
                .jsonPath()
                .getString("reminders.find { it.ruleKey == '" + ruleKey + "' }.id"), Objects::nonNull);
    }

    private static Map<String, Object> awaitConsoleMessage(String reference) {
        List<Map<String, Object>> messages = await("the console provider's message for reminder "
                + reference + " (service logs: " + aftercare.service(AftercareService.NOTIFICATION).logFile() + ")")
                .atMost(DELIVERY_BOUND).pollInSameThread().until(() -> {
                    List<Map<String, Object>> found = given()
                            .baseUri(aftercare.baseUrl(AftercareService.NOTIFICATION))
                            .auth()
                            .preemptive()
                            .basic("operator", aftercare.secrets().operatorPassword())
                            .get("/v1/console/messages?limit=50")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("findAll { it.reference == '" + reference + "' }");
                    return found.isEmpty() ? null : found;
                }, Objects::nonNull);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }
}
