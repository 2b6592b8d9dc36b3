package io.aftercare.scheduling;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An API key of a clinic's booking system. The secret itself is shown once, when issued, and never stored. */
@Entity
@Table(name = "clinic_credential")
public class ClinicCredential extends PanacheEntityBase {

    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "secret_sha256", nullable = false)
    public byte[] secretSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
