package io.aftercare.localstack;

/** Where the local infrastructure listens: fixed, documented ports for the local run; random ones for tests. */
public record InfrastructurePorts(int postgres, int kafka, int kafkaController, int smtp) {

    /** The ports of {@code ./aftercare up}, chosen away from the defaults of a PostgreSQL or Kafka you may have. */
    public static InfrastructurePorts localRun() {
        return new InfrastructurePorts(55432, 59092, 59093, 2525);
    }

    public static InfrastructurePorts random() {
        return new InfrastructurePorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
    }
}
