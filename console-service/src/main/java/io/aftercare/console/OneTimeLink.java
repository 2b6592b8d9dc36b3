package io.aftercare.console;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An invitation or a password reset: a link that lets its holder choose a password once. */
@Entity
@Table(name = "one_time_link")
public class OneTimeLink extends PanacheEntityBase {

    public static final String INVITE = "invite";
    public static final String RESET = "reset";

    @Id
    @Column(name = "token_sha256")
    public String tokenSha256;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
