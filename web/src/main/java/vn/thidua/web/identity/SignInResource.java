package vn.thidua.web.identity;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;

/** Signing in (authorization code with PKCE S256 at the issuer) and out. */
@Path(SignInResource.PATH)
public class SignInResource {
    public static final String PATH = "/dang-nhap";

    private final Issuer issuer;
    private final Sessions sessions;
    private final WebSettings settings;

    public SignInResource(Issuer issuer, Sessions sessions, WebSettings settings) {
        this.issuer = issuer;
        this.sessions = sessions;
        this.settings = settings;
    }

    @GET
    public Response begin(@QueryParam("tiep") String next) {
        String verifier = Pkce.random();
        String nonce = Pkce.random();
        String state = sessions.begin(new Sessions.Pending(verifier, nonce, safeNext(next), Instant.now()));
        return Response.seeOther(issuer.authorization(callback(), state, nonce, verifier)).build();
    }

    @GET
    @Path("xong")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state, @QueryParam("error") String error) {
        if (error != null) {
            throw new Issuer.SignInFailed("the issuer answered " + error);
        }
        Sessions.Pending login = sessions.complete(state)
                .orElseThrow(() -> new Issuer.SignInFailed("this sign-in is unknown or older than 10 minutes"));
        Tokens tokens = issuer.exchange(code, callback(), login.verifier());
        JsonNode id = Tokens.payload(tokens.idToken());
        if (!login.nonce().equals(id.path("nonce").asText())) {
            throw new Issuer.SignInFailed("the ID token does not carry this sign-in's nonce");
        }
        if (!issuer.issuer().replaceAll("/+$", "").equals(tokens.claims().path("iss").asText())) {
            throw new Issuer.SignInFailed("the token was issued by " + tokens.claims().path("iss").asText() + ", not by the configured issuer");
        }
        String session = sessions.open(tokens);
        return Response.seeOther(URI.create(login.next())).cookie(cookie(session, -1)).build();
    }

    @POST
    @Path("thoat")
    public Response signOut(@CookieParam(Sessions.COOKIE) Cookie cookie) {
        URI home = URI.create(settings.publicUrl() + "/");
        URI after = sessions.close(cookie == null ? null : cookie.getValue())
                .map(t -> issuer.endSession(t, settings.publicUrl() + "/"))
                .orElse(home);
        return Response.seeOther(after == null ? home : after).cookie(cookie("", 0)).build();
    }

    private String callback() {
        return settings.publicUrl() + PATH + "/xong";
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(Sessions.COOKIE).value(value).path("/").httpOnly(true)
                .secure(settings.publicUrl().startsWith("https:")).sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }

    /** Only a path of this site: never an absolute URL (an open redirect). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
            return "/";
        }
        return next;
    }
}
