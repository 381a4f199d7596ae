package vn.thidua.kit.axon;

/** Who caused an event: {@code user:<preferred_username>}, {@code client:<client id>} or {@code system:<service>}. */
public final class Actor {
    /** The Axon MetaData key of a command's and its events' actor; the relay publishes it as the {@code actor} extension. */
    public static final String METADATA_KEY = "actor";

    private Actor() {
    }
}
