package io.aftercare.localstack;

import java.io.IOException;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) that accepts every message and keeps it in memory for inspection. */
public final class LocalSmtp implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private LocalSmtp(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    public static LocalSmtp start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new LocalSmtp(greenMail, port);
    }

    public int port() {
        return port;
    }

    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** The messages received so far whose first recipient is this address, oldest first. */
    public List<MimeMessage> receivedBy(String address) {
        return receivedMessages().stream().filter(message -> address.equals(firstRecipient(message))).toList();
    }

    private static String firstRecipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    /** The text/plain part of a message. */
    public static String textOf(MimeMessage message) {
        return part(message, "text/plain");
    }

    /** The text/html part of a message. */
    public static String htmlOf(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
