package io.aftercare.notification.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.aftercare.notification.provider.Markup;
import io.aftercare.notification.provider.TwilioConfig;
import io.aftercare.notification.provider.TwilioSignature;
import io.aftercare.notification.service.InboundTexts;
import io.aftercare.notification.service.WebhookService;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;

/**
 * The provider's webhooks. Each call must carry a valid {@code X-Twilio-Signature} over the URL and its parameters;
 * anything else gets 403 and changes nothing.
 */
@Path("/v1/webhooks/twilio")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {

    private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class);

    /** The longest text a patient can send (ten concatenated segments); anything longer is not from a handset. */
    static final int MAX_BODY = 1_600;

    private final WebhookService webhooks;
    private final InboundTexts inbound;
    private final TwilioConfig config;

    public TwilioWebhookResource(WebhookService webhooks, InboundTexts inbound, TwilioConfig config) {
        this.webhooks = webhooks;
        this.inbound = inbound;
        this.config = config;
    }

    @POST
    @Path("/status")
    public Response status(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> parameters = verify(form, signature, uri, "/v1/webhooks/twilio/status");
        webhooks.status(parameters.get("MessageSid"), parameters.get("MessageStatus"), parameters.get("ErrorCode"));
        return Response.noContent().build();
    }

    /**
     * Answers with TwiML: a reply message for HELP, nothing otherwise. A body longer than a text can be is refused
     * (after the signature, so that nobody learns the limit without the token) and changes nothing.
     */
    @POST
    @Path("/inbound")
    public Response inbound(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> parameters = verify(form, signature, uri, "/v1/webhooks/twilio/inbound");
        String body = parameters.get("Body");
        if (body != null && body.length() > MAX_BODY) {
            throw new UnprocessableException(400, "Bad Request", "The text is longer than a text can be.",
                    List.of(new Problem.FieldError("Body", "must be at most " + MAX_BODY + " characters")));
        }
        Optional<String> reply = inbound.receive(parameters.get("MessageSid"), parameters.get("From"),
                parameters.get("To"), parameters.get("MessagingServiceSid"), body);
        String twiml = reply.map(text -> "<Response><Message>" + Markup.escape(text) + "</Message></Response>")
                .orElse("<Response/>");
        return Response.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + twiml, MediaType.APPLICATION_XML).build();
    }

    private Map<String, String> verify(MultivaluedMap<String, String> form, String signature, UriInfo uri,
            String path) {
        Map<String, String> parameters = new HashMap<>();
        form.forEach((name, values) -> parameters.put(name, values.isEmpty() ? "" : values.get(0)));
        String url = config.webhookBaseUrl().map(base -> base + path).orElse(uri.getRequestUri().toString());
        if (!TwilioSignature.valid(config.authToken(), url, parameters, signature)) {
            LOG.warnf("refused a webhook call to %s without a valid signature", path);
            throw new UnprocessableException(403, "Forbidden", "The request signature is missing or wrong.",
                    List.of());
        }
        return parameters;
    }
}
