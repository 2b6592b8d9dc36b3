package io.aftercare.console.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Sends a one-time link to the person it is for, through the deployment's SMTP server (quarkus-mailer). A send that
 * stalls fails after {@code quarkus.mailer.timeout} and is tried again, up to {@value #ATTEMPTS} times in all (an SMTP
 * send on these machines now and then hangs; notification retries its emails the same way). An email sent twice is
 * harmless: the newest link works, and a second copy holds the same one.
 */
@ApplicationScoped
public class InviteMail {

    private static final Logger LOG = Logger.getLogger(InviteMail.class);
    static final int ATTEMPTS = 3;

    private final Mailer mailer;

    public InviteMail(Mailer mailer) {
        this.mailer = mailer;
    }

    /** @return whether the SMTP server took the email */
    public boolean send(String to, String subject, String text) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                mailer.send(Mail.withText(to, subject, text));
                return true;
            } catch (RuntimeException e) {
                // Never the address in the log: only that a send failed and why.
                LOG.warnf("an invitation email could not be sent (attempt %d of %d): %s", attempt, ATTEMPTS,
                        e.toString());
            }
        }
        return false;
    }
}
