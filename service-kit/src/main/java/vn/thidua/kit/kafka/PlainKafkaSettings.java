package vn.thidua.kit.kafka;

import java.util.Optional;
import vn.thidua.contract.access.KafkaLogin;

/** The settings of an unsecured broker (tests, tools on a developer machine): no user, so no SASL; one replica. */
public record PlainKafkaSettings(String bootstrapServers, int partitions, int relayBatchSize) implements KafkaSettings {
    @Override
    public Optional<String> username() {
        return Optional.empty();
    }

    @Override
    public Optional<String> password() {
        return Optional.empty();
    }

    @Override
    public String mechanism() {
        return KafkaLogin.SCRAM_SHA_512;
    }

    @Override
    public short replicationFactor() {
        return 1;
    }
}
