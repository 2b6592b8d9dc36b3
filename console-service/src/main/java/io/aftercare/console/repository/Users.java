package io.aftercare.console.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aftercare.console.ConsoleUser;
import io.aftercare.console.Role;
import io.aftercare.console.UserState;

/** Finding people. Every look-up a clinic's person makes names their clinic: another clinic's ids find nothing. */
@ApplicationScoped
public class Users {

    public Optional<ConsoleUser> byEmail(String email) {
        return ConsoleUser.find("email", email).firstResultOptional();
    }

    public Optional<ConsoleUser> byId(UUID id) {
        return Optional.ofNullable(ConsoleUser.findById(id));
    }

    /** The person with this id in this clinic; empty for another clinic's person, as for no one. */
    public Optional<ConsoleUser> inClinic(String clinicId, UUID id) {
        return ConsoleUser.find("id = ?1 and clinicId = ?2", id, clinicId).firstResultOptional();
    }

    public List<ConsoleUser> ofClinic(String clinicId) {
        return ConsoleUser.list("clinicId = ?1 order by email", clinicId);
    }

    /** Whether the clinic has a clinic admin who is not disabled (the operator then leaves the inviting to them). */
    public boolean hasAdmin(String clinicId) {
        return ConsoleUser.count("clinicId = ?1 and role = ?2 and state <> ?3", clinicId, Role.CLINIC_ADMIN,
                UserState.DISABLED) > 0;
    }
}
