package vn.thidua.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The realm docker-compose imports is the one {@link Realm} makes, so that the two realms cannot drift apart. */
class RealmTest {
    private static final Path REPO = Path.of(System.getProperty("thidua.repo", "..")).toAbsolutePath().normalize();

    @Test
    void deploy_realm_file_is_the_generated_deployment_realm() throws Exception {
        Path file = REPO.resolve("deploy/keycloak/thidua-realm.json");
        assertThat(Files.readString(file)).as("regenerate it: java -cp … vn.thidua.local.Realm deploy/keycloak/thidua-realm.json")
                .isEqualTo(Realm.deployment());
    }

    @Test
    void the_deployment_realm_has_no_people_no_password_grant_client_and_no_secret() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Realm.deployment());
        // only the feed's service account, which carries its role
        assertThat(realm.path("users")).hasSize(1);
        assertThat(realm.path("users").get(0).path("serviceAccountClientId").asText()).isEqualTo("provincial-feed");
        assertThat(realm.path("users").get(0).path("realmRoles").toString()).isEqualTo("[\"feed\"]");
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertThat(clients).containsExactlyInAnyOrder("thidua-api", "provincial-feed", "thidua-web");
        realm.path("clients").forEach(c -> assertThat(c.path("directAccessGrantsEnabled").asBoolean()).isFalse());
        assertThat(realm.toString()).contains("\"secret\":\"${THIDUA_FEED_CLIENT_SECRET}\"");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
    }
}
