package vn.thidua.web.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in people, kept in this process: the browser holds only a random session id in an
 * HttpOnly, SameSite=Lax cookie (so another site's form cannot post with it), never a token.
 * A restart signs everyone out; they sign in again (the issuer usually still knows them).
 */
@ApplicationScoped
public class Sessions {
    public static final String COOKIE = "thidua_phien";
    private static final Duration PENDING = Duration.ofMinutes(10);

    /** A sign-in under way: what the callback must match. */
    public record Pending(String verifier, String nonce, String next, Instant startedAt) {
    }

    private static final class Session {
        volatile Tokens tokens;
        volatile Instant lastSeen;

        Session(Tokens tokens, Instant now) {
            this.tokens = tokens;
            this.lastSeen = now;
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final WebSettings settings;
    private final Issuer issuer;
    private final Clock clock = Clock.systemUTC();

    public Sessions(WebSettings settings, Issuer issuer) {
        this.settings = settings;
        this.issuer = issuer;
    }

    /** Starts a sign-in; the state is the key the callback brings back. */
    public String begin(Pending login) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.startedAt().plus(PENDING).isBefore(now));
        String state = Pkce.random();
        pending.put(state, login);
        return state;
    }

    /** The sign-in a callback completes, once. */
    public Optional<Pending> complete(String state) {
        Pending p = state == null ? null : pending.remove(state);
        if (p == null || p.startedAt().plus(PENDING).isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** Opens a session; answers its id (the cookie's value). */
    public String open(Tokens tokens) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> s.lastSeen.plus(settings.sessionIdle()).isBefore(now));
        String id = Pkce.random();
        sessions.put(id, new Session(tokens, now));
        return id;
    }

    /** The tokens of a live session, refreshed when the access token is about to expire; empty when there is none or it ended. */
    public Optional<Tokens> current(String id) {
        Session s = id == null ? null : sessions.get(id);
        Instant now = clock.instant();
        if (s == null || s.lastSeen.plus(settings.sessionIdle()).isBefore(now)) {
            if (s != null) {
                sessions.remove(id);
            }
            return Optional.empty();
        }
        s.lastSeen = now;
        Tokens t = s.tokens;
        if (t.expiring(now)) {
            if (t.refreshToken() == null) {
                sessions.remove(id);
                return Optional.empty();
            }
            try {
                t = issuer.refresh(t);
                s.tokens = t;
            } catch (Issuer.SignInFailed refused) {
                sessions.remove(id);
                return Optional.empty();
            }
        }
        return Optional.of(t);
    }

    /** Ends a session; answers its tokens (for the issuer's sign-out) if it was live. */
    public Optional<Tokens> close(String id) {
        Session s = id == null ? null : sessions.remove(id);
        return s == null ? Optional.empty() : Optional.of(s.tokens);
    }
}
