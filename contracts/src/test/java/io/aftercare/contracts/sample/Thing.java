package io.aftercare.contracts.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An entity, at the root. */
@Entity
public class Thing extends PanacheEntityBase {

    @Id
    public String name;
}
