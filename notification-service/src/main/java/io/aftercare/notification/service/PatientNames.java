package io.aftercare.notification.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aftercare.events.ReminderDue;
import io.aftercare.notification.Delivery;
import io.aftercare.notification.repository.DeliveryRepository;

/**
 * The patient's first name per booking, as the clinic's booking gave it in its newest reminder: what the clinic's
 * inbox greets a reply with. Not stored with the reply, so that one place (the reminder) holds it.
 */
@ApplicationScoped
public class PatientNames {

    private final DeliveryRepository deliveries;
    private final ObjectMapper json;

    public PatientNames(DeliveryRepository deliveries, ObjectMapper json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    /** First names by booking; a booking whose reminders named nobody is absent. */
    @Transactional
    public Map<UUID, String> of(String clinicId, List<UUID> bookingIds) {
        Map<UUID, String> names = new HashMap<>();
        for (Delivery reminder : deliveries.newestRemindersOf(clinicId, bookingIds.stream().distinct().toList())) {
            String name = firstName(reminder.event);
            if (name != null) {
                names.put(reminder.bookingId, name);
            }
        }
        return names;
    }

    /** The first name in a stored reminders-due event, null when it names none. */
    String firstName(String event) {
        try {
            ReminderDue due = json.readValue(event, ReminderDue.class);
            return due.recipient() == null ? null : due.recipient().firstName();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored delivery's event is not JSON", e);
        }
    }
}
