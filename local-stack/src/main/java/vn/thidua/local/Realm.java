package vn.thidua.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import vn.thidua.contract.access.Credentials;

/**
 * The local realm {@code thidua} as Keycloak imports it: realm roles {@code feed}, {@code officer},
 * {@code unit-head}, {@code auditor} (in {@code realm_access.roles}); the user attribute {@code unit}
 * declared in the user profile and put into access tokens as the {@code unit} claim; the API
 * ({@code thidua-api}, bearer-only), the provincial feed (confidential, service account with role
 * {@code feed}), {@code thidua-cli} (public, direct access grants: local realm only) and
 * {@code thidua-web} (public, authorization code with PKCE S256); the sample people.
 */
final class Realm {
    static final List<String> ROLES = List.of("feed", "officer", "unit-head", "auditor");
    static final String API_CLIENT = "thidua-api";
    static final String WEB_CLIENT = "thidua-web";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final com.fasterxml.jackson.databind.ObjectWriter JSON_PRETTY = JSON.writerWithDefaultPrettyPrinter();

    private Realm() {
    }

    /** The local realm: the sample people, the feed's secret of the credentials file, and {@code thidua-cli}. */
    static String local(Credentials credentials, List<String> webOrigins) {
        return json(credentials.users(), credentials.client(Accounts.FEED_CLIENT).orElseThrow(), true, webOrigins);
    }

    /**
     * The realm docker-compose imports ({@code deploy/keycloak/thidua-realm.json}): no people (the
     * department's administrator creates them), no {@code thidua-cli}, the feed's secret and the
     * services' and the web's public URLs from Keycloak's environment.
     */
    static String deployment() {
        Credentials.Client feed = new Credentials.Client(Accounts.FEED_CLIENT, "${THIDUA_FEED_CLIENT_SECRET}", List.of("feed"));
        return json(List.of(), feed, false, List.of("${THIDUA_CAMPAIGN_URL:http://localhost:8081}",
                "${THIDUA_PARTICIPATION_URL:http://localhost:8082}", "${THIDUA_EVALUATION_URL:http://localhost:8083}",
                "${THIDUA_WEB_PUBLIC_URL:http://localhost:8080}"));
    }

    /** Writes {@link #deployment()} to the file given (how deploy/keycloak/thidua-realm.json is made; RealmTest keeps it so). */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), deployment());
    }

    /**
     * @param webOrigins the web's and the services' URLs, where thidua-web's pages (and Swagger UI) may be served from
     */
    private static String json(List<Credentials.User> people, Credentials.Client feed, boolean local, List<String> webOrigins) {
        ObjectNode realm = JSON.createObjectNode();
        realm.put("realm", Accounts.REALM);
        realm.put("displayName", "thidua — Sở Khoa học và Công nghệ");
        realm.put("enabled", true);
        // HTTPS is the deployment's proxy's business; the local stack is plain HTTP on 127.0.0.1
        realm.put("sslRequired", local ? "none" : "external");
        realm.put("accessTokenLifespan", 900);
        realm.put("internationalizationEnabled", true);
        realm.putArray("supportedLocales").add("vi").add("en");
        realm.put("defaultLocale", "vi");
        ArrayNode roles = realm.putObject("roles").putArray("realm");
        for (String role : ROLES) {
            roles.addObject().put("name", role);
        }
        // the user profile: the default attributes plus `unit`, which only administrators see and change
        realm.putObject("components").putArray("org.keycloak.userprofile.UserProfileProvider").addObject()
                .put("providerId", "declarative-user-profile")
                .putObject("config").putArray("kc.user.profile.config").add(userProfile());

        ArrayNode clients = realm.putArray("clients");
        clients.addObject().put("clientId", API_CLIENT).put("name", "thidua APIs").put("bearerOnly", true).put("publicClient", false)
                .put("standardFlowEnabled", false).put("directAccessGrantsEnabled", false);
        ObjectNode feedClient = clients.addObject().put("clientId", feed.clientId()).put("name", "UBND tỉnh — kênh kế hoạch")
                .put("publicClient", false).put("clientAuthenticatorType", "client-secret").put("secret", feed.secret())
                .put("serviceAccountsEnabled", true).put("standardFlowEnabled", false).put("directAccessGrantsEnabled", false);
        tokenMappers(feedClient, false);
        if (local) {
            ObjectNode cli = clients.addObject().put("clientId", Accounts.CLI_CLIENT).put("name", "thidua scripts and tests (local only)")
                    .put("publicClient", true).put("directAccessGrantsEnabled", true).put("standardFlowEnabled", false);
            tokenMappers(cli, true);
        }
        ObjectNode web = clients.addObject().put("clientId", WEB_CLIENT).put("name", "thidua web pages")
                .put("publicClient", true).put("standardFlowEnabled", true).put("directAccessGrantsEnabled", false);
        web.putObject("attributes").put("pkce.code.challenge.method", "S256").put("post.logout.redirect.uris", "+");
        ArrayNode redirects = web.putArray("redirectUris");
        ArrayNode origins = web.putArray("webOrigins");
        webOrigins.forEach(o -> {
            redirects.add(o + "/*");
            origins.add(o);
        });
        tokenMappers(web, true);

        ArrayNode users = realm.putArray("users");
        for (Credentials.User u : people) {
            ObjectNode user = users.addObject().put("username", u.username()).put("enabled", true)
                    .put("email", u.username() + "@thidua.local").put("emailVerified", true)
                    .put("firstName", firstName(u)).put("lastName", lastName(u));
            user.putArray("credentials").addObject().put("type", "password").put("value", u.password()).put("temporary", false);
            ArrayNode realmRoles = user.putArray("realmRoles");
            u.roles().forEach(realmRoles::add);
            if (u.unit() != null) {
                user.putObject("attributes").putArray("unit").add(u.unit());
            }
        }
        ObjectNode serviceAccount = users.addObject().put("username", "service-account-" + feed.clientId()).put("enabled", true)
                .put("serviceAccountClientId", feed.clientId());
        ArrayNode feedRoles = serviceAccount.putArray("realmRoles");
        feed.roles().forEach(feedRoles::add);
        try {
            return JSON_PRETTY.writeValueAsString(realm) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The API as audience, and (for people) the {@code unit} attribute as a claim of the access token. */
    private static void tokenMappers(ObjectNode client, boolean people) {
        ArrayNode mappers = client.putArray("protocolMappers");
        mappers.addObject().put("name", "audience " + API_CLIENT).put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper")
                .putObject("config").put("included.client.audience", API_CLIENT).put("access.token.claim", "true").put("id.token.claim", "false");
        if (people) {
            mappers.addObject().put("name", "unit").put("protocol", "openid-connect").put("protocolMapper", "oidc-usermodel-attribute-mapper")
                    .putObject("config").put("user.attribute", "unit").put("claim.name", "unit").put("jsonType.label", "String")
                    .put("access.token.claim", "true").put("id.token.claim", "true").put("userinfo.token.claim", "true");
        }
    }

    private static String userProfile() {
        ObjectNode profile = JSON.createObjectNode();
        ArrayNode attributes = profile.putArray("attributes");
        attributes.addObject().put("name", "username").put("displayName", "${username}")
                .set("permissions", permissions(true));
        attributes.addObject().put("name", "email").put("displayName", "${email}")
                .set("permissions", permissions(true));
        for (String name : List.of("firstName", "lastName")) {
            ObjectNode a = attributes.addObject().put("name", name).put("displayName", "${" + name + "}");
            a.set("permissions", permissions(true));
        }
        attributes.addObject().put("name", "unit").put("displayName", "Đơn vị").set("permissions", permissions(false));
        profile.putArray("groups");
        return profile.toString();
    }

    private static ObjectNode permissions(boolean userViews) {
        ObjectNode p = JSON.createObjectNode();
        ArrayNode view = p.putArray("view").add("admin");
        if (userViews) {
            view.add("user");
        }
        p.putArray("edit").add("admin");
        return p;
    }

    private static String firstName(Credentials.User u) {
        return u.unit() != null ? "Trưởng" : u.roles().contains("auditor") ? "Kiểm toán" : "Cán bộ";
    }

    private static String lastName(Credentials.User u) {
        return u.unit() != null ? SampleLoader.UNITS.getOrDefault(u.unit(), u.unit()) : u.roles().contains("auditor") ? "viên" : "Thi đua - Khen thưởng";
    }
}
