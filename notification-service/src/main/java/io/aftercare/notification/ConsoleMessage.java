package io.aftercare.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A text the console provider "sent", kept so that a person can see what the patient would have received. */
@Entity
@Table(name = "console_message")
public class ConsoleMessage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String body;

    public String reference;

    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;
}
