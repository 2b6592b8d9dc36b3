package io.aftercare.notification.provider;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aftercare.notification.security.Masking;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Email over SMTP through the Quarkus mailer, as plain text with an HTML alternative. */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
    }

    public String name() {
        return "smtp";
    }

    public SendResult send(String to, String subject, String body, String reference) {
        return send(null, to, subject, body, reference);
    }

    /** @param from a clinic's own address; null for the deployment's ({@code quarkus.mailer.from}) */
    public SendResult send(String from, String to, String subject, String body, String reference) {
        String messageId = "<" + UUID.randomUUID() + "@aftercare>";
        try {
            Mail mail = Mail.withText(to, subject, body).setHtml(html(body)).addHeader("Message-ID", messageId);
            if (from != null) {
                mail.setFrom(from);
            }
            mailer.send(mail);
        } catch (RuntimeException e) {
            return new SendResult.Transient(null, "SMTP: " + e.getClass().getSimpleName(), null);
        }
        LOG.infof("email to %s, reference %s", Masking.email(to), reference);
        return new SendResult.Sent(messageId);
    }

    /** The text, paragraph by paragraph, safely escaped. */
    static String html(String text) {
        StringBuilder html = new StringBuilder("<html><body style=\"font-family: sans-serif\">");
        for (String paragraph : text.split("\n\n")) {
            html.append("<p>").append(Markup.escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }
}
