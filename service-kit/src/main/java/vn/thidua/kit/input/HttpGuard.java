package vn.thidua.kit.input;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.thidua.kit.problem.Problem;
import vn.thidua.kit.problem.Problems;

/**
 * The HTTP layer's part of the input rules, before any resource sees a request: a URI longer than
 * the limit is a 414, a declared body over the limit a 413, a path or query that is not strict
 * percent-encoded UTF-8 or holds NUL, control characters or lone surrogates a 400. It also answers
 * what would otherwise leave Vert.x without a problem body: unknown routes (404) and failures below
 * JAX-RS (413 of a streamed body, 500).
 */
@Singleton
public class HttpGuard {
    private static final Logger LOG = Logger.getLogger(HttpGuard.class);

    private final int maxUriLength;
    private final long maxBodyBytes;

    public HttpGuard(@ConfigProperty(name = "thidua.input.max-uri-length", defaultValue = "2048") int maxUriLength,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failure);
        router.route().last().handler(ctx -> answer(ctx, 404, null));
        // what Vert.x fails before any route matches (e.g. a path it cannot decode)
        for (int status : new int[]{400, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503}) {
            router.errorHandler(status, this::failure);
        }
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > maxUriLength) {
            answer(ctx, 414, "the request's URI has " + request.uri().length() + " characters; at most " + maxUriLength + " are accepted");
            return;
        }
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            ctx.response().putHeader(HttpHeaderNames.CONNECTION, "close");
            answer(ctx, 413, "the body has " + length + " bytes; at most " + maxBodyBytes + " are accepted");
            return;
        }
        Optional<String> bad = uriProblem(request.path(), "the path").or(() -> uriProblem(request.query(), "the query"));
        if (bad.isPresent()) {
            ctx.response().setStatusCode(400).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(Problems.json(Problems.of(400, "invalid-uri", "The URI is not acceptable", bad.get(), Map.of()))));
            return;
        }
        ctx.next();
    }

    private boolean tooLarge(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.error("request failed below the REST layer", ctx.failure());
        }
        answer(ctx, status, null);
    }

    private static void answer(RoutingContext ctx, int status, String detail) {
        Problems.Standard standard = Problems.standard(status);
        Problem problem = Problems.of(status, standard.code(), standard.title(), detail == null ? standard.detail() : detail, Map.of());
        ctx.response().setStatusCode(status).putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(io.vertx.core.buffer.Buffer.buffer(Problems.json(problem)));
    }

    /** Why a raw path or query is refused: bad percent-encoding, bytes that are not UTF-8, or text the input rules refuse. */
    static Optional<String> uriProblem(String raw, String what) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.of(what + " has a '%' that is not followed by two hexadecimal digits");
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7F) {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            } else {
                bytes.write(c);
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return Optional.of(what + " is not percent-encoded UTF-8 (overlong or broken byte sequence)");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == 0 || Character.isISOControl(c)) {
                return Optional.of(what + " must not contain NUL or control characters");
            }
        }
        for (String part : decoded.split("[/&=]")) {
            Optional<String> problem = InputRules.textProblem(part);
            if (problem.isPresent()) {
                return Optional.of(what + " " + problem.get());
            }
        }
        return Optional.empty();
    }
}
