package io.aftercare.notification.service;

import io.aftercare.notification.DeliveryChannel;

/** The channel a reminder goes by, or why it goes by none. */
public record ChannelChoice(DeliveryChannel channel, String reason) {

    public static ChannelChoice of(DeliveryChannel channel) {
        return new ChannelChoice(channel, null);
    }

    public static ChannelChoice none(String reason) {
        return new ChannelChoice(null, reason);
    }

    public boolean suppressed() {
        return channel == null;
    }
}
