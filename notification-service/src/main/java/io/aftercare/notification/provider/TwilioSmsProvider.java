package io.aftercare.notification.provider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.notification.security.Masking;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * SMS through Twilio's Messages API (or any API that speaks it): a form-encoded POST to
 * {@code /2010-04-01/Accounts/{AccountSid}/Messages.json} with Basic auth, asking for status callbacks. 5xx, 429 and
 * a refused connection are transient (with the provider's Retry-After); a request left without an answer is
 * unanswered (Twilio may have the message); other refusals are permanent.
 */
@ApplicationScoped
@LookupIfProperty(name = "aftercare.sms.provider", stringValue = "twilio")
public class TwilioSmsProvider implements SmsProvider {

    /** Twilio's error code that means "this number will not take messages from this sender". */
    static final String UNSUBSCRIBED = "21610";
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final TwilioConfig config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final URI messages;
    private final String authorization;

    public TwilioSmsProvider(TwilioConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
        this.messages = URI.create(config.baseUrl() + "/2010-04-01/Accounts/" + config.accountSid() + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((config.accountSid() + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "twilio";
    }

    /** The number or Messaging Service SID texts go from: Twilio rates each of them on its own. */
    @Override
    public String sender() {
        return config.from();
    }

    @Override
    public SendResult send(String to, String body, String reference) {
        return sendAsync(to, body, reference).toCompletableFuture().join();
    }

    @Override
    public CompletionStage<SendResult> sendAsync(String to, String body, String reference) {
        return sendAsync(config.from(), to, body, reference);
    }

    /** Non-blocking: the HTTP client holds no thread while Twilio answers. */
    @Override
    public CompletionStage<SendResult> sendAsync(String from, String to, String body, String reference) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        form.put(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
        form.put("Body", body);
        config.webhookBaseUrl().ifPresent(base -> form.put("StatusCallback", base + "/v1/webhooks/twilio/status"));
        HttpRequest request = HttpRequest.newBuilder(messages)
                .timeout(config.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> failure == null ? interpret(response) : unanswered(rootOf(failure)));
    }

    /**
     * A connection never made cannot have delivered the request: a plain transient failure. Any other failure (a
     * timeout waiting for the answer, a connection lost mid-request) leaves open whether Twilio has the message.
     */
    private static SendResult unanswered(Throwable failure) {
        String detail = "no answer from the provider: " + failure.getClass().getSimpleName();
        return failure instanceof java.net.ConnectException || failure instanceof HttpConnectTimeoutException
                ? new SendResult.Transient(null, detail, null)
                : new SendResult.Unanswered(detail);
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause instanceof java.util.concurrent.CompletionException) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Twilio's Messages list, filtered by {@code To} and {@code DateSent>} (from the day of the first attempt, UTC),
     * matched on the body; a message Twilio reports failed or undelivered does not count as sent.
     */
    @Override
    public Optional<String> findSent(String to, String body, Instant since, String reference) {
        String query = "?To=" + URLEncoder.encode(to, StandardCharsets.UTF_8) + "&"
                + URLEncoder.encode("DateSent>", StandardCharsets.UTF_8) + "="
                + since.atOffset(ZoneOffset.UTC).toLocalDate() + "&PageSize=1000";
        HttpRequest request = HttpRequest.newBuilder(URI.create(messages + query))
                .timeout(config.timeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderUnreachable("no answer to the Messages list: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnreachable("interrupted");
        }
        if (response.statusCode() != 200) {
            throw new ProviderUnreachable("the Messages list answered " + response.statusCode());
        }
        for (JsonNode message : parse(response.body()).path("messages")) {
            String status = message.path("status").asText("");
            if (body.equals(message.path("body").asText(null)) && !"failed".equals(status)
                    && !"undelivered".equals(status)) {
                return Optional.ofNullable(message.path("sid").asText(null));
            }
        }
        return Optional.empty();
    }

    private SendResult interpret(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status == 200 || status == 201) {
            String sid = answer.path("sid").asText(null);
            return sid != null
                    ? new SendResult.Sent(sid)
                    : new SendResult.Transient(status, "the provider answered without a message sid", null);
        }
        String code = answer.path("code").isMissingNode() ? null : answer.path("code").asText();
        // Providers quote the number back ("The 'To' number +34... is not valid"): never keep it in clear.
        String message = Masking.scrub(answer.path("message").asText("HTTP " + status));
        if (TRANSIENT_STATUSES.contains(status)) {
            return new SendResult.Transient(status, message, retryAfter(response));
        }
        return new SendResult.Permanent(status, code, message, UNSUBSCRIBED.equals(code));
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .orElse(null);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet()
                .stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
