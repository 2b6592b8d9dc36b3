package io.aftercare.console.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Scheduling's APIs for a clinic's settings, called as the signed-in person (their token: scheduling allows the
 * changes to clinic admins only): the profile, its webhook endpoints, the clinic's API keys and the plan preview.
 */
@RegisterRestClient(configKey = "scheduling")
@RegisterClientHeaders(PersonBearerHeaders.class)
@Path("/v1/clinics/{clinicId}")
@Produces(MediaType.APPLICATION_JSON)
public interface SchedulingSettingsClient {

    record Window(String start, String end) {
    }

    record Sms(String sender, Integer messagesPerSecond) {
    }

    record Webhook(String id, String url, List<String> events) {
    }

    record Profile(String clinicId, String name, String timeZone, String locale, String phone, Window sendWindow,
            Sms sms, String emailSender, String alertEmail, String consentBasis, Map<String, String> helpTexts,
            List<Webhook> webhooks, int version, Instant updatedAt) {
    }

    /** What a clinic admin writes: the profile without webhooks and FHIR server (scheduling keeps those). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Settings(String name, String timeZone, String locale, String phone, Window sendWindow, Sms sms,
            String emailSender, String alertEmail, String consentBasis, Map<String, String> helpTexts) {
    }

    record NewWebhook(String url, List<String> events) {
    }

    /** @param secret shown once */
    record IssuedWebhook(String id, String url, List<String> events, String secret) {
    }

    record Key(String keyId, Instant createdAt, Instant revokedAt) {
    }

    /** @param secret shown once */
    record IssuedKey(String clinicId, String keyId, String secret, Instant createdAt) {
    }

    record Moment(String ruleKey, String category, String priority, Instant dueAt, LocalDateTime dueLocal,
            List<String> channels, String sms, String emailSubject, String emailBody) {
    }

    record Preview(String treatment, int protocolVersion, String timeZone, String locale, List<Moment> moments) {
    }

    @GET
    @Path("/profile")
    Profile profile(@PathParam("clinicId") String clinicId);

    @PUT
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_JSON)
    Profile saveSettings(@PathParam("clinicId") String clinicId, Settings settings);

    @POST
    @Path("/profile/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    IssuedWebhook addWebhook(@PathParam("clinicId") String clinicId, NewWebhook webhook);

    @POST
    @Path("/profile/webhooks/{endpointId}/secret")
    IssuedWebhook rotateSecret(@PathParam("clinicId") String clinicId, @PathParam("endpointId") String endpointId);

    @GET
    @Path("/credentials")
    List<Key> keys(@PathParam("clinicId") String clinicId);

    @POST
    @Path("/credentials")
    IssuedKey issueKey(@PathParam("clinicId") String clinicId);

    @DELETE
    @Path("/credentials/{keyId}")
    void revokeKey(@PathParam("clinicId") String clinicId, @PathParam("keyId") String keyId);

    @GET
    @Path("/plan-preview")
    Preview planPreview(@PathParam("clinicId") String clinicId, @QueryParam("treatment") String treatment,
            @QueryParam("endsAt") String endsAt, @QueryParam("locale") String locale);
}
