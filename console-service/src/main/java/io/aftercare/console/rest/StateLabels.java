package io.aftercare.console.rest;

import java.util.HashMap;
import java.util.Map;

/**
 * The words for the states the timeline shows ({@code data-state} keeps the services' own names); a state with no
 * word yet is shown as the service named it.
 */
final class StateLabels {

    private StateLabels() {
    }

    static Map<String, String> of(ConsoleMessages msg) {
        Map<String, String> labels = new HashMap<>();
        labels.put("planned", msg.stPlanned());
        labels.put("dispatched", msg.stDispatched());
        labels.put("revoked", msg.stRevoked());
        labels.put("expired", msg.stExpired());
        labels.put("delivered", msg.stDelivered());
        labels.put("failed", msg.stFailed());
        labels.put("sent", msg.stSent());
        labels.put("undelivered", msg.stUndelivered());
        labels.put("suppressed", msg.stSuppressed());
        labels.put("pending", msg.stPending());
        labels.put("sending", msg.stSending());
        labels.put("waiting", msg.stWaiting());
        labels.put("booked", msg.stBooked());
        labels.put("cancelled", msg.stCancelled());
        labels.put("no-show", msg.stNoShow());
        labels.put("completed", msg.stCompleted());
        labels.put("open", msg.stOpen());
        labels.put("handled", msg.stHandled());
        labels.put("urgent", msg.stUrgent());
        labels.put("replanned", msg.stReplanned());
        labels.put("opted-out", msg.stOptedOut());
        return new Labels(labels);
    }

    /** Falls back to the state's own name. */
    private static final class Labels extends HashMap<String, String> {

        private static final long serialVersionUID = 1L;

        Labels(Map<String, String> labels) {
            super(labels);
        }

        @Override
        public String get(Object key) {
            String label = super.get(key);
            return label != null ? label : key == null ? "" : key.toString();
        }
    }
}
