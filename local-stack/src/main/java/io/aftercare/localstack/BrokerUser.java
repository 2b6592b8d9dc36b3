package io.aftercare.localstack;

/**
 * Who the broker knows. Each service signs in as its own user (SASL/SCRAM), so that {@link BrokerAccess} can say what
 * each may read and write; the broker's own admin creates topics, users and ACLs, and is what tests write as.
 */
public enum BrokerUser {

    ADMIN("admin"), GUIDANCE("guidance"), SCHEDULING("scheduling"), NOTIFICATION("notification");

    private final String userName;

    BrokerUser(String userName) {
        this.userName = userName;
    }

    public String userName() {
        return userName;
    }

    /** The name ACLs grant to. */
    public String principal() {
        return "User:" + userName;
    }

    public static BrokerUser of(AftercareService service) {
        return switch (service) {
            case GUIDANCE -> GUIDANCE;
            case SCHEDULING -> SCHEDULING;
            case NOTIFICATION -> NOTIFICATION;
            case CONSOLE -> throw new IllegalArgumentException("the console does not use Kafka");
        };
    }
}
