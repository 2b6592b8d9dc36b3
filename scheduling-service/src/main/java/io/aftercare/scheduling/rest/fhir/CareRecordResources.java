package io.aftercare.scheduling.rest.fhir;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aftercare.scheduling.repository.CareRecords;

/**
 * Our records in FHIR R4 terms: each planned reminder a CommunicationRequest (revoked when the plan changed), each
 * reminder handed on for sending a Communication based on it, each urgent reply a Task for the clinic.
 */
final class CareRecordResources {

    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/communication-category";
    private static final String MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";
    private static final String IDENTIFIER = "https://aftercare.io/fhir/reminder";
    private static final Map<String, String> MEDIUM = Map.of("sms", "SMSWRIT", "email", "EMAILWRIT");

    private final ObjectMapper json;

    CareRecordResources(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode communicationRequest(CareRecords.ReminderRow reminder, CareRecords.BookingRef booking) {
        ObjectNode resource = json.createObjectNode().put("resourceType", "CommunicationRequest")
                .put("id", reminder.id().toString());
        resource.putArray("identifier").addObject().put("system", IDENTIFIER).put("value", reminder.id().toString());
        switch (reminder.state()) {
            case "PLANNED" -> resource.put("status", "active");
            case "REVOKED" -> {
                resource.put("status", "revoked");
                resource.putObject("statusReason").put("text", "the plan changed: the booking was moved, cancelled "
                        + "or its protocol revised");
            }
            case "EXPIRED" -> {
                resource.put("status", "revoked");
                resource.putObject("statusReason").put("text", "its time passed before it could be sent");
            }
            default -> resource.put("status", "completed");
        }
        category(resource);
        resource.put("priority", "URGENT".equals(reminder.priority()) ? "urgent" : "routine");
        var medium = resource.putArray("medium");
        for (String channel : reminder.channels().split(",")) {
            String code = MEDIUM.get(channel.strip().toLowerCase(java.util.Locale.ROOT));
            if (code != null) {
                medium.addObject().putArray("coding").addObject().put("system", MODE).put("code", code);
            }
        }
        subject(resource, booking);
        resource.putArray("about").addObject().put("reference", "Appointment/" + booking.appointmentId());
        payload(resource, reminder);
        resource.put("occurrenceDateTime", reminder.dueAt().toString());
        resource.put("authoredOn", reminder.createdAt().toString());
        return resource;
    }

    /** Only for a reminder that went out: handed on (in progress), sent or delivered (completed), or not (not-done). */
    ObjectNode communication(CareRecords.ReminderRow reminder, CareRecords.BookingRef booking) {
        ObjectNode resource = json.createObjectNode().put("resourceType", "Communication")
                .put("id", reminder.id().toString());
        resource.putArray("identifier").addObject().put("system", IDENTIFIER).put("value", reminder.id().toString());
        resource.putArray("basedOn").addObject().put("reference", "CommunicationRequest/" + reminder.id());
        String status = reminder.notifiedStatus();
        if (status == null) {
            resource.put("status", "in-progress");
        } else if (status.equals("sent") || status.equals("delivered")) {
            resource.put("status", "completed");
        } else {
            resource.put("status", "not-done");
            resource.putObject("statusReason")
                    .put("text",
                            reminder.notifiedReason() == null ? status : status + ": " + reminder.notifiedReason());
        }
        category(resource);
        resource.put("priority", "URGENT".equals(reminder.priority()) ? "urgent" : "routine");
        subject(resource, booking);
        resource.putArray("about").addObject().put("reference", "Appointment/" + booking.appointmentId());
        if (status != null && (status.equals("sent") || status.equals("delivered")) && reminder.notifiedAt() != null) {
            resource.put("sent", reminder.notifiedAt().toString());
        }
        payload(resource, reminder);
        return resource;
    }

    /** An urgent reply: the clinic is asked to act on it (call the patient back). */
    ObjectNode task(CareRecords.UrgentReplyRow reply, CareRecords.BookingRef booking) {
        ObjectNode resource = json.createObjectNode().put("resourceType", "Task").put("id", reply.replyId().toString());
        resource.putArray("identifier").addObject().put("system", "https://aftercare.io/fhir/patient-reply")
                .put("value", reply.replyId().toString());
        resource.put("status", "requested").put("intent", "order").put("priority", "urgent");
        resource.putObject("code").put("text", "Contact the patient about an urgent aftercare reply");
        StringBuilder description = new StringBuilder("The patient's reply needs the clinic");
        if (reply.reason() != null) {
            description.append(": ").append(reply.reason());
        }
        if (reply.checkInScore() != null) {
            description.append(" (check-in answer ").append(reply.checkInScore()).append(" of 5)");
        }
        resource.put("description", description.toString());
        resource.putObject("focus").put("reference", "Appointment/" + booking.appointmentId());
        resource.set("for", reference(booking));
        resource.put("authoredOn", reply.receivedAt().toString());
        resource.put("lastModified", reply.receivedAt().toString());
        return resource;
    }

    private static void category(ObjectNode resource) {
        resource.putArray("category").addObject().putArray("coding").addObject().put("system", CATEGORY)
                .put("code", "instruction");
    }

    private void subject(ObjectNode resource, CareRecords.BookingRef booking) {
        resource.set("subject", reference(booking));
    }

    /** The clinic's Patient when the Appointment referred to one; else only the first name we were given. */
    private ObjectNode reference(CareRecords.BookingRef booking) {
        ObjectNode reference = json.createObjectNode();
        if (booking.patient() != null) {
            reference.put("reference", booking.patient());
        }
        return reference.put("display", booking.firstName());
    }

    private static void payload(ObjectNode resource, CareRecords.ReminderRow reminder) {
        String text = reminder.smsText() != null ? reminder.smsText() : reminder.emailSubject();
        if (text != null) {
            resource.putArray("payload").addObject().put("contentString", text);
        }
    }
}
