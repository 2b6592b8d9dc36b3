package io.aftercare.guidance;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinic's departures from a treatment's base protocol; the content is the JSON of a ClinicOverrideContent. */
@Entity
@Table(name = "clinic_override")
public class ClinicOverride extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(nullable = false)
    public String treatment;

    @Column(nullable = false)
    public String content;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
