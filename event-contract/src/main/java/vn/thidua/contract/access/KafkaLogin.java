package vn.thidua.contract.access;

import java.util.Map;

/**
 * How a client signs in to thidua's brokers: SASL over plaintext with a Kafka user, SCRAM-SHA-512
 * (the mechanism thidua's brokers enable). The result goes into any Kafka client's configuration.
 */
public final class KafkaLogin {
    /** The mechanism of thidua's Kafka users. */
    public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";

    private KafkaLogin() {
    }

    /** The client settings that sign in as {@code username} with {@code mechanism} (SCRAM-SHA-256/512 or PLAIN). */
    public static Map<String, Object> sasl(String mechanism, String username, String password) {
        String module = mechanism.startsWith("SCRAM-") ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", mechanism,
                "sasl.jaas.config", module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";");
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
