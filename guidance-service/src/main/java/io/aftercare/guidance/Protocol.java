package io.aftercare.guidance;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A treatment's aftercare protocol: the one draft being edited, or a published version, which never changes (a
 * database trigger refuses it). The content is the JSON of {@link io.aftercare.guidance.model.ProtocolContent}.
 */
@Entity
@Table(name = "protocol")
public class Protocol extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String treatment;

    /** 1, 2, ... once published; null for the draft. */
    public Integer version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProtocolStatus status;

    @Column(nullable = false)
    public String content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
