package io.aftercare.console.model;

import java.util.UUID;

/**
 * What the live inbox tells a browser: a reply that is new or changed ({@code reply}, with its id, state and urgency)
 * or only the counts ({@code counts}); {@code ready} opens a stream before the counts are known. No patient's words: the page fetches a reply's card through the audited read.
 */
public record InboxSignal(String type, UUID id, String state, boolean urgent, long open, long urgentOpen) {

    public static InboxSignal ready() {
        return new InboxSignal("ready", null, null, false, 0, 0);
    }

    public static InboxSignal counts(long open, long urgentOpen) {
        return new InboxSignal("counts", null, null, false, open, urgentOpen);
    }
}
