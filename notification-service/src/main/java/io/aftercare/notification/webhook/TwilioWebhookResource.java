package io.aftercare.notification.webhook;

import java.util.HashMap;
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

import io.aftercare.notification.config.TwilioConfig;
import io.aftercare.notification.provider.Markup;
import io.aftercare.problem.UnprocessableException;

/**
 * The provider's webhooks. Each call must carry a valid {@code X-Twilio-Signature} over the URL and its parameters;
 * anything else gets 403 and changes nothing.
 */
@Path("/v1/webhooks/twilio")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class TwilioWebhookResource {

    private static final Logger LOG = Logger.getLogger(TwilioWebhookResource.class);

    private final WebhookService webhooks;
    private final TwilioConfig config;

    public TwilioWebhookResource(WebhookService webhooks, TwilioConfig config) {
        this.webhooks = webhooks;
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

    /** Answers with TwiML: a reply message for HELP, nothing otherwise. */
    @POST
    @Path("/inbound")
    public Response inbound(MultivaluedMap<String, String> form, @HeaderParam("X-Twilio-Signature") String signature,
            @Context UriInfo uri) {
        Map<String, String> parameters = verify(form, signature, uri, "/v1/webhooks/twilio/inbound");
        Optional<String> reply = webhooks.inbound(parameters.get("MessageSid"), parameters.get("From"),
                parameters.get("Body"));
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
                    java.util.List.of());
        }
        return parameters;
    }
}
