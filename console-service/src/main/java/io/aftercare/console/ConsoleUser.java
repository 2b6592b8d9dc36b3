package io.aftercare.console;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person of a clinic who signs in to the console. */
@Entity
@Table(name = "console_user")
public class ConsoleUser extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    /** Lower case; unique in the deployment. */
    @Column(nullable = false)
    public String email;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** {@link Role#STAFF} or {@link Role#CLINIC_ADMIN}. */
    @Column(nullable = false)
    public String role;

    /** bcrypt (Modular Crypt Format); null until the person chose a password. */
    @Column(name = "password_hash")
    public String passwordHash;

    /** {@link UserState}'s values. */
    @Column(nullable = false)
    public String state;

    @Column(name = "failed_count", nullable = false)
    public int failedCount;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isActive() {
        return UserState.ACTIVE.equals(state);
    }
}
