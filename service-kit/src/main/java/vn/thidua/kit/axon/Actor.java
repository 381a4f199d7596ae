package vn.thidua.kit.axon;

/**
 * Who caused an event, as published in its {@code ce_actor}: {@code user:<preferred_username>},
 * {@code client:<client id>}, or {@code system:<service-name>} for what a service does by itself.
 * Put it on a command's metadata under {@link #METADATA_KEY}; Axon copies it to the events the
 * command applies ({@link AxonStore}), and the relay publishes it.
 */
public final class Actor {
    /** The Axon metadata key of the actor, on commands and the events they apply. */
    public static final String METADATA_KEY = "actor";

    private Actor() {
    }

    public static String user(String preferredUsername) {
        return "user:" + preferredUsername;
    }

    public static String client(String clientId) {
        return "client:" + clientId;
    }

    public static String system(String serviceName) {
        return "system:" + serviceName;
    }
}
