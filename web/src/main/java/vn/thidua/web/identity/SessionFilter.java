package vn.thidua.web.identity;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every page but sign-in needs a session: without one, the browser is sent to sign in and brought back after. */
public class SessionFilter {
    private final Sessions sessions;
    private final CurrentSession current;

    public SessionFilter(Sessions sessions, CurrentSession current) {
        this.sessions = sessions;
        this.current = current;
    }

    @ServerRequestFilter
    public Response requireSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(SignInResource.PATH) || path.startsWith("/static/")) {
            return null;
        }
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        Optional<Tokens> tokens = sessions.current(cookie == null ? null : cookie.getValue());
        if (tokens.isPresent()) {
            current.set(tokens.get());
            return null;
        }
        String next = request.getUriInfo().getRequestUri().getRawPath()
                + (request.getUriInfo().getRequestUri().getRawQuery() == null ? "" : "?" + request.getUriInfo().getRequestUri().getRawQuery());
        if (!"GET".equals(request.getMethod())) {
            next = "/";
        }
        return Response.seeOther(URI.create(SignInResource.PATH + "?tiep=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)))
                .build();
    }
}
