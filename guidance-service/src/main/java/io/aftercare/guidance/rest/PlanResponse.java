package io.aftercare.guidance.rest;

import java.util.List;

import io.aftercare.guidance.model.SendWindow;
import io.aftercare.guidance.service.PlannedReminder;

/** A patient's plan: which protocol version it follows and each reminder with its time and words. */
public record PlanResponse(String treatment, int protocolVersion, String clinicId, String zone, String locale,
        SendWindow sendWindow, List<PlannedReminder> reminders) {
}
