package io.aftercare.console.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends a one-time link to the person it is for, through the deployment's SMTP server (quarkus-mailer). */
@ApplicationScoped
public class InviteMail {

    private final Mailer mailer;

    public InviteMail(Mailer mailer) {
        this.mailer = mailer;
    }

    public void send(String to, String subject, String text) {
        mailer.send(Mail.withText(to, subject, text));
    }
}
