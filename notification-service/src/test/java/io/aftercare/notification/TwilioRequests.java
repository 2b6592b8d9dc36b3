package io.aftercare.notification;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.aftercare.localstack.testing.FakeTwilio;
import io.aftercare.notification.webhook.TwilioSignature;
import io.restassured.response.Response;

/**
 * Webhook calls as Twilio makes them: the form of an inbound text or a status report, signed with the account's auth
 * token.
 */
public final class TwilioRequests {

    private TwilioRequests() {
    }

    /** The form Twilio posts when a patient texts {@code body} to our number. */
    public static Map<String, String> inbound(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        form.put("From", from);
        form.put("To", "+15005550006");
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
