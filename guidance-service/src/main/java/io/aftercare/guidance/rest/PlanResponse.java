package io.aftercare.guidance.rest;

import java.util.List;

import io.aftercare.guidance.model.MessageBudget;
import io.aftercare.guidance.model.SendWindow;
import io.aftercare.guidance.service.PlannedReminder;

/**
 * A patient's plan: which protocol version it follows, the message budget it keeps, each care moment with its time
 * and words ({@code reminders}), and where every rule occurrence went ({@code placements}).
 */
public record PlanResponse(String treatment, int protocolVersion, String clinicId, String zone, String locale,
        SendWindow sendWindow, MessageBudget budget, List<PlannedReminder> reminders,
        List<PlannedReminder.Placement> placements) {
}
