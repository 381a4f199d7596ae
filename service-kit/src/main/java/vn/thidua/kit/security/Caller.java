package vn.thidua.kit.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.thidua.kit.axon.Actor;

/**
 * The signed-in caller of the current request, as its bearer token says: its actor name and the
 * unit a unit head may act for. Roles are checked by {@code @RolesAllowed} on the resources; the
 * one rule that needs the request's data (a unit head acts only for their own unit) is here.
 */
@ApplicationScoped
public class Caller {
    /** The claim that names a unit head's unit (its code). */
    public static final String UNIT_CLAIM = "unit";
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * Who is calling, for the log: {@code user:<preferred_username>} for a person,
     * {@code client:<client id>} for a service account (a token with a {@code client_id} claim, or
     * Keycloak's {@code service-account-…} user, named by {@code azp}).
     */
    public String actor() {
        JsonWebToken token = token();
        String username = token.getClaim("preferred_username");
        String clientId = token.getClaim("client_id");
        if (clientId == null && (username == null || username.startsWith(SERVICE_ACCOUNT_PREFIX))) {
            clientId = token.getClaim("azp");
        }
        if (clientId != null) {
            return Actor.client(clientId);
        }
        if (username == null) {
            throw new ForbiddenException("the token names no preferred_username and no client: the caller cannot be recorded");
        }
        return Actor.user(username);
    }

    /** The unit in the token's {@code unit} claim, if any. */
    public Optional<String> unit() {
        return Optional.ofNullable(token().<String>getClaim(UNIT_CLAIM));
    }

    /** Allows an officer, or the head of {@code unitCode}; anyone else is refused with 403. */
    public void requireUnit(String unitCode) {
        if (identity.hasRole(Roles.OFFICER)) {
            return;
        }
        if (identity.hasRole(Roles.UNIT_HEAD) && unit().filter(u -> u.equals(unitCode)).isPresent()) {
            return;
        }
        if (identity.hasRole(Roles.UNIT_HEAD)) {
            throw new ForbiddenException("a unit head acts only for their own unit: the token is for unit "
                    + unit().orElse("(none)") + ", not " + unitCode);
        }
        throw new ForbiddenException("only an officer or the head of unit " + unitCode + " may do this");
    }

    private JsonWebToken token() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthorizedException();
        }
        return token;
    }
}
