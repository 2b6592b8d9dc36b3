package io.aftercare.contracts.sample.service;

import jakarta.ws.rs.NotFoundException;

/** Misplaced: a service's exception that is a JAX-RS one. */
public class MissingThing extends NotFoundException {

    public MissingThing(String name) {
        super("no thing " + name);
    }
}
