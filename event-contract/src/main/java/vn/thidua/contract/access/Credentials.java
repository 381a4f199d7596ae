package vn.thidua.contract.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The accounts of a thidua installation as the local stack writes them to
 * {@code .thidua-local/credentials.json}: the OpenID Connect issuer and its token endpoint, people
 * (username, password, realm roles, unit), machine clients (client credentials) and the Kafka users.
 * Scripts and tests read it to get tokens ({@link BearerTokens}) and to sign in to Kafka ({@link KafkaLogin}).
 */
public record Credentials(String issuer, String tokenEndpoint, String cliClientId, List<User> users, List<Client> clients, Kafka kafka) {

    /** A person who signs in with a password (through {@link #cliClientId} for scripts). */
    public record User(String username, String password, List<String> roles, String unit) {
    }

    /** A machine that signs in with its client id and secret (client credentials grant). */
    public record Client(String clientId, String secret, List<String> roles) {
    }

    /** The brokers, the SASL mechanism and the Kafka users with what each may do. */
    public record Kafka(String bootstrap, String mechanism, List<KafkaUser> users) {
    }

    /** A Kafka user; {@code may} lists its permissions in words. */
    public record KafkaUser(String username, String password, List<String> may) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static Credentials read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Credentials.class);
    }

    /** Writes the file readable by its owner only. */
    public void write(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        JSON.writeValue(file.toFile(), this);
    }

    public Optional<User> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** The first user with {@code role} (and, when not null, of {@code unit}). */
    public Optional<User> userWithRole(String role, String unit) {
        return users.stream().filter(u -> u.roles().contains(role) && (unit == null || unit.equals(u.unit()))).findFirst();
    }

    public Optional<Client> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    public Optional<KafkaUser> kafkaUser(String username) {
        return kafka.users().stream().filter(u -> u.username().equals(username)).findFirst();
    }
}
