package io.aftercare.contracts.sample.service;

import io.aftercare.contracts.sample.repository.ThingRepository;

/** Business logic: it asks the repository. */
public class Things {

    private final ThingRepository repository;

    public Things(ThingRepository repository) {
        this.repository = repository;
    }

    public long count(String name) {
        return repository.countNamed(name);
    }
}
