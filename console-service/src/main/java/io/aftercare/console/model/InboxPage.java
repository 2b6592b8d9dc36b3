package io.aftercare.console.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of notification's inbox; {@code nextCursor} leads to the next one, null on the last. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InboxPage(List<InboxReply> items, String nextCursor) {
}
