package vn.thidua.web.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/** Every call to a service carries the signed-in person's own access token: the service decides, as for any other client. */
@ApplicationScoped
public class BearerHeaders implements ClientHeadersFactory {
    private final CurrentSession session;

    public BearerHeaders(CurrentSession session) {
        this.session = session;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming, MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        Tokens tokens = session.tokens();
        if (tokens != null) {
            headers.putSingle("Authorization", "Bearer " + tokens.accessToken());
        }
        return headers;
    }
}
