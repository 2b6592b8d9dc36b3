package io.aftercare.console;

/** Where a person's account stands. */
public final class UserState {

    /** Signs in. */
    public static final String ACTIVE = "active";
    /** Has an invitation link and no password yet. */
    public static final String INVITED = "invited";
    /** Signed out everywhere and refused from then on. */
    public static final String DISABLED = "disabled";

    private UserState() {
    }
}
