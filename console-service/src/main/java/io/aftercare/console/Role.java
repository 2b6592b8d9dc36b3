package io.aftercare.console;

import java.util.Set;

/** The roles of a clinic's people, and the deployment's operator. */
public final class Role {

    /** Inbox, patients' timelines, replies. */
    public static final String STAFF = "staff";
    /** Also the clinic's settings, keys, webhooks, users and audit trail. */
    public static final String CLINIC_ADMIN = "clinic-admin";
    /** The deployment's own role (HTTP Basic with the operator password), never a clinic's person. */
    public static final String OPERATOR = "operator";

    public static final Set<String> OF_PEOPLE = Set.of(STAFF, CLINIC_ADMIN);

    private Role() {
    }
}
