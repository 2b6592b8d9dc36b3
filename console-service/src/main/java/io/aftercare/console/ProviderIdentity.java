package io.aftercare.console;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A console person's account at their clinic's OpenID Connect provider: the issuer and the subject it gave them. */
@Entity
@Table(name = "provider_identity")
public class ProviderIdentity extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(nullable = false)
    public String issuer;

    @Column(nullable = false)
    public String subject;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
