package vn.thidua.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.thidua.contract.access.Credentials;
import vn.thidua.contract.access.KafkaLogin;
import vn.thidua.testsupport.KafkaAcls;

/**
 * The sample accounts of a data folder, with passwords generated for it on its first start and kept in
 * {@code credentials.json} (readable by its owner only; never printed, never published): the people of
 * the realm, the provincial feed's client, the Kafka users. Later starts read them back.
 */
final class Accounts {
    static final String REALM = "thidua";
    static final String CLI_CLIENT = "thidua-cli";
    static final String FEED_CLIENT = "provincial-feed";
    static final String OFFICER = "canbo.tdkt";
    static final String AUDITOR = "kiemtoan";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private Accounts() {
    }

    /** The unit head's username of a unit: {@code truong.<code in lowercase>}. */
    static String unitHead(String unitCode) {
        return "truong." + unitCode.toLowerCase(Locale.ROOT);
    }

    /** The credentials of the data folder: read back, or generated and written on its first start. */
    static Credentials load(Path file, String issuer, String kafkaBootstrap) throws IOException {
        if (Files.exists(file)) {
            Credentials kept = Credentials.read(file);
            // the ports may differ from the last run; the accounts do not
            Credentials now = new Credentials(issuer, tokenEndpoint(issuer), CLI_CLIENT, kept.users(), kept.clients(),
                    new Credentials.Kafka(kafkaBootstrap, kept.kafka().mechanism(), kept.kafka().users()));
            now.write(file);
            return now;
        }
        List<Credentials.User> users = new ArrayList<>();
        users.add(new Credentials.User(OFFICER, password(), List.of("officer"), null));
        SampleLoader.UNITS.keySet().forEach(unit -> users.add(new Credentials.User(unitHead(unit), password(), List.of("unit-head"), unit)));
        users.add(new Credentials.User(AUDITOR, password(), List.of("auditor"), null));
        List<Credentials.Client> clients = List.of(new Credentials.Client(FEED_CLIENT, password(), List.of("feed")));
        List<Credentials.KafkaUser> kafkaUsers = new ArrayList<>();
        kafkaUsers.add(new Credentials.KafkaUser(KafkaAcls.ADMIN, password(), List.of("everything (super user: topics, users, ACLs)")));
        KafkaAcls.users().forEach(u -> kafkaUsers.add(new Credentials.KafkaUser(u, password(), KafkaAcls.may(u))));
        Credentials created = new Credentials(issuer, tokenEndpoint(issuer), CLI_CLIENT, users, clients,
                new Credentials.Kafka(kafkaBootstrap, KafkaLogin.SCRAM_SHA_512, kafkaUsers));
        Files.createDirectories(file.getParent());
        created.write(file);
        return created;
    }

    static String tokenEndpoint(String issuer) {
        return issuer + "/protocol/openid-connect/token";
    }

    /** Kafka users and passwords, for the broker. */
    static Map<String, String> kafkaUsers(Credentials credentials) {
        Map<String, String> users = new LinkedHashMap<>();
        credentials.kafka().users().forEach(u -> users.put(u.username(), u.password()));
        return users;
    }

    static String kafkaPassword(Credentials credentials, String user) {
        return credentials.kafkaUser(user).orElseThrow(() -> new StackException("no Kafka user " + user + " in the credentials")).password();
    }

    static String password() {
        StringBuilder s = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
