package io.aftercare.notification;

/** Where a patient's reply stands in the clinic's inbox. */
public enum ReplyState {
    OPEN, HANDLED
}
