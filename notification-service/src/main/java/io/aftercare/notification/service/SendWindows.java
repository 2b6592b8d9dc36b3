package io.aftercare.notification.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.notification.config.DeliveryConfig;

/** The patient's send window: nobody is texted at 3 a.m. because a backlog drained then. */
@ApplicationScoped
public class SendWindows {

    private final DeliveryConfig config;

    public SendWindows(DeliveryConfig config) {
        this.config = config;
    }

    /** {@code now} if it is inside the window in the patient's zone, else when the window next opens. */
    public Instant nextOpening(Instant now, String timeZone) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            return now; // no zone to respect; scheduling validates zones, so this is an old or foreign event
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!time.isBefore(config.windowStart()) && !time.isAfter(config.windowEnd())) {
            return now;
        }
        ZonedDateTime opening = local.with(config.windowStart());
        if (!time.isBefore(config.windowStart())) {
            opening = opening.plusDays(1);
        }
        return opening.toInstant();
    }
}
