package io.aftercare.notification;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.aftercare.localstack.testing.FakeTwilio;
import io.aftercare.notification.provider.TwilioSignature;
import io.restassured.response.Response;

/**
 * Webhook calls as Twilio makes them: the form of an inbound text or a status report, signed with the account's auth
 * token.
 */
public final class TwilioRequests {

    private TwilioRequests() {
    }

    /** The deployment's own number, {@code aftercare.twilio.from} in tests. */
    public static final String DEPLOYMENT_NUMBER = "+15005550006";

    /** The form Twilio posts when a patient texts {@code body} to the deployment's number. */
    public static Map<String, String> inbound(String from, String body) {
        return inbound(from, DEPLOYMENT_NUMBER, null, body);
    }

    /**
     * The form Twilio posts when a patient texts {@code body} to number {@code to}, which belongs to Messaging Service
     * {@code messagingService} when that is not null.
     */
    public static Map<String, String> inbound(String from, String to, String messagingService, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        if (messagingService != null) {
            form.put("MessagingServiceSid", messagingService);
        }
        form.put("From", from);
        form.put("To", to);
        form.put("Body", body);
        form.put("NumMedia", "0");
        return form;
    }

    /** The form Twilio posts to the status callback when message {@code sid} reaches {@code status}. */
    public static Map<String, String> status(String sid, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", sid);
        form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        form.put("MessageStatus", status);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }

    public static Response postSigned(String url, Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.sign(FakeTwilio.AUTH_TOKEN, url, form))
                .post(url)
                .andReturn();
    }
}
