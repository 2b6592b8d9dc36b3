package io.aftercare.console.model;

import java.util.List;

/** One booking as the timeline needs it: scheduling's record, notification's deliveries and conversation. */
public record BookingCare(BookingRecord booking, List<DeliveryRecord> deliveries, ConversationRecord conversation) {
}
