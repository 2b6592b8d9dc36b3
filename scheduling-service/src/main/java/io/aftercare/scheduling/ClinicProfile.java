package io.aftercare.scheduling;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinic's profile: its name, home time zone and language, and the number its patients call. */
@Entity
@Table(name = "clinic_profile")
public class ClinicProfile extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id")
    public String clinicId;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String locale;

    @Column(nullable = false)
    public String phone;

    /** 1 for the first profile, one more with each change. */
    @Column(nullable = false)
    public int version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
