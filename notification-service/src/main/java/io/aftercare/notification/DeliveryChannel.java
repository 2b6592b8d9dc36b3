package io.aftercare.notification;

/** The ways a message can reach a patient. */
public enum DeliveryChannel {
    SMS, EMAIL
}
