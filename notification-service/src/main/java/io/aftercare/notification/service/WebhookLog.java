package io.aftercare.notification.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.aftercare.notification.repository.WebhookMessageRepository;
import io.aftercare.notification.repository.WebhookMessageRepository.Message;
import io.aftercare.problem.Problem;
import io.aftercare.problem.UnprocessableException;

/** What a clinic reads of the messages sent to its endpoints: each with every attempt, newest first, page by page. */
@ApplicationScoped
public class WebhookLog {

    /** A page of messages and where the next one starts (null on the last page). */
    public record Page(List<Message> items, String nextCursor) {
    }

    private final WebhookMessageRepository messages;

    public WebhookLog(WebhookMessageRepository messages) {
        this.messages = messages;
    }

    @Transactional
    public Page page(String clinicId, String cursor, int limit) {
        List<Message> found = messages.page(clinicId, cursor == null ? null : decode(cursor), limit);
        if (found.size() <= limit) {
            return new Page(found, null);
        }
        List<Message> page = List.copyOf(found.subList(0, limit));
        return new Page(page, encode(page.get(limit - 1)));
    }

    /** Opaque to clients: the position of the last entry of the page. */
    static String encode(Message last) {
        String position = last.createdAt().toString() + "|" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static WebhookMessageRepository.Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2 || !parts[1].startsWith("msg_")) {
                throw new IllegalArgumentException("not a position");
            }
            return new WebhookMessageRepository.Position(Instant.parse(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            throw new UnprocessableException(400, "Bad Request", "The cursor is not one this list gave out.",
                    List.of(new Problem.FieldError("cursor", "not a cursor from a previous page")));
        }
    }
}
