package io.aftercare.contracts.sample.service;

import java.util.List;

import io.aftercare.contracts.sample.Thing;

/** Misplaced: a Panache query, with its query string, in a service. */
public class ThingsByName {

    public List<Thing> named(String name) {
        return Thing.list("name = ?1 order by name", name);
    }
}
