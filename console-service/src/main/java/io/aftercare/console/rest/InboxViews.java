package io.aftercare.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.aftercare.console.model.Conversation;
import io.aftercare.console.model.ConversationMessage;
import io.aftercare.console.service.Person;
import io.aftercare.console.service.SmsSegments;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** What the inbox's templates show, put together from notification's answers in the person's language. */
final class InboxViews {

    /** The list: its cards, its pages, and the counts the live script keeps up to date (with their wording). */
    @TemplateData
    record ListView(String state, List<ReplyCard> cards, String cursor, String nextCursor, boolean live,
            String title, String baseTitle, String urgentText, String urgentTemplate, String openText,
            String openTemplate, String notice) {
    }

    /** One text of the conversation. */
    @TemplateData
    record MessageView(String text, boolean fromPatient, boolean current, String at, String iso, String status) {
    }

    /** The reply's page: its card, the conversation, and the reply box with its count. */
    @TemplateData
    record ReplyView(ReplyCard card, List<MessageView> messages, String text, String segmentsText,
            String segmentsTemplate, String notice, String error) {
    }

    private InboxViews() {
    }

    static InboxMessages messages(String language) {
        return MessageBundles.get(InboxMessages.class, Localized.Literal.of(language));
    }

    static ListView list(InboxDesk.Listing listing, Person me, String state, String cursor, String language,
            String notice) {
        InboxMessages msg = messages(language);
        List<ReplyCard> cards = listing.page().items().stream()
                .map(reply -> ReplyCard.of(reply, listing.names(), me, msg.patient()))
                .toList();
        long open = listing.counts().open();
        long urgent = listing.counts().urgentOpen();
        String baseTitle = msg.title() + " · " + SignInResource.messages(language).appName();
        // Live insertion keeps the first page of open replies current; later pages only follow the counts.
        boolean live = "open".equals(state) && cursor == null;
        return new ListView(state, cards, cursor, encode(listing.page().nextCursor()), live,
                (open > 0 ? "(" + open + ") " : "") + msg.title(), baseTitle,
                urgent > 0 ? msg.urgentBanner(Long.toString(urgent)) : "", msg.urgentBanner("{count}"),
                msg.openCount(Long.toString(open)), msg.openCount("{count}"), notice);
    }

    static ReplyView reply(Conversation conversation, Map<String, String> names, Person me, String language,
            String text, String notice, String error) {
        InboxMessages msg = messages(language);
        UUID current = conversation.reply().id();
        List<MessageView> messages = conversation.messages().stream()
                .map(m -> message(m, current, msg))
                .toList();
        SmsSegments.Count count = SmsSegments.of(text);
        return new ReplyView(ReplyCard.of(conversation.reply(), names, me, msg.patient()), messages, text,
                msg.segments(Integer.toString(count.characters()), Integer.toString(count.segments()),
                        count.encoding()),
                msg.segments("{characters}", "{segments}", "{encoding}"), notice, error);
    }

    private static MessageView message(ConversationMessage m, UUID current, InboxMessages msg) {
        return new MessageView(m.text(), m.fromPatient(), current.equals(m.replyId()), ReplyCard.shown(m.at()),
                m.at() == null ? "" : m.at().toString(), status(m.status(), msg));
    }

    /** A text's delivery status in the person's words; null for a reply of the patient's. */
    private static String status(String status, InboxMessages msg) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "delivered" -> msg.statusDelivered();
            case "sent" -> msg.statusSent();
            case "undelivered", "failed" -> msg.statusNotDelivered();
            case "suppressed", "expired" -> msg.statusNotSent();
            default -> msg.statusWaiting();
        };
    }

    private static String encode(String cursor) {
        return cursor == null ? null : URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
}
