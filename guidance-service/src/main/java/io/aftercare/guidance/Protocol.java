package io.aftercare.guidance;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A version of a treatment's aftercare protocol. */
@Entity
@Table(name = "protocol")
public class Protocol extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(nullable = false)
    public String treatment;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;
}
