package io.aftercare.console.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A reply with every text of its booking both ways, first to last, as notification keeps them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Conversation(InboxReply reply, String firstName, String phoneMasked,
        List<ConversationMessage> messages) {
}
