package vn.thidua.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.kit.problem.DomainException;

/**
 * The {@code Idempotency-Key} header: the first answer to a request is stored with a hash of its
 * body in the same transaction as the work it did; a retry with the same key and body gets that
 * answer again, with no new work; the same key with another body is a 409. Two concurrent requests
 * with one key are serialised by the key's row: the second waits and replays the first's answer.
 * A refused request leaves no key (its transaction rolls back; requests done together drop the claims
 * of the refused, {@link #releaseAll}), so it may be retried.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final String HEADER = "Idempotency-Key";
    private static final String STORE = "UPDATE idempotency_key SET status = ?, body = ?, location = ? WHERE scope = ? AND idem_key = ?";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public IdempotencyKeys(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * Runs {@code work} once per {@code key} in {@code scope}; without a key it just runs it.
     * The response entity must serialise to JSON.
     */
    @Transactional
    public Response once(String scope, String key, Object request, Supplier<Response> work) {
        if (!given(key)) {
            return work.get();
        }
        requireValid(key);
        String requestHash = requestHash(request);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement claim = c.prepareStatement(
                    "INSERT INTO idempotency_key (scope, idem_key, request_hash, status) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")) {
                claim.setString(1, scope);
                claim.setString(2, key);
                claim.setString(3, requestHash);
                if (claim.executeUpdate() == 0) {
                    return replay(c, scope, key, requestHash);
                }
            }
            Response response = work.get();
            // the body is serialised once: stored, and sent as the very same JSON text
            String body = response.hasEntity() ? json(response.getEntity()) : null;
            try (PreparedStatement store = c.prepareStatement(STORE)) {
                store.setInt(1, response.getStatus());
                store.setString(2, body);
                store.setString(3, response.getLocation() == null ? null : response.getLocation().toString());
                store.setString(4, scope);
                store.setString(5, key);
                store.executeUpdate();
            }
            return body == null ? response : Response.fromResponse(response).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store failed: " + e.getMessage(), e);
        }
    }

    /** Whether a request names a key ({@code null} and blank name none: the request is just done). */
    public static boolean given(String key) {
        return key != null && !key.isBlank();
    }

    /** Refuses (400) a key that is not one: at most 255 visible ASCII characters. */
    public static void requireValid(String key) {
        if (key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new DomainException(DomainException.Kind.INVALID, "invalid-idempotency-key", "The Idempotency-Key header is not valid",
                    "an Idempotency-Key is at most 255 visible ASCII characters (no spaces or control characters)");
        }
    }

    /** What a request is remembered by beside its key: the hash of its JSON. */
    public String requestHash(Object request) {
        return HashChain.sha256Hex(json(request));
    }

    /**
     * Claims, in the caller's transaction and one statement, the keys of requests about to be done
     * together ({@code hashByKey}: each key once, with its request's hash). Answers the keys claimed:
     * each was new and its row is now this transaction's, to be given its answer by {@link #storeAll}
     * or dropped by {@link #releaseAll}. A key not claimed was used before (or by a transaction this
     * one waited for): its request must go through {@link #once}, which replays or refuses it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> claimAll(String scope, Map<String, String> hashByKey) {
        Set<String> claimed = new HashSet<>();
        if (hashByKey.isEmpty()) {
            return claimed;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement claim = c.prepareStatement(
                "INSERT INTO idempotency_key (scope, idem_key, request_hash, status) SELECT ?, k, h, 0 FROM unnest(?::text[], ?::text[]) AS t(k, h) "
                        + "ON CONFLICT DO NOTHING RETURNING idem_key")) {
            claim.setString(1, scope);
            claim.setArray(2, c.createArrayOf("text", hashByKey.keySet().toArray()));
            claim.setArray(3, c.createArrayOf("text", hashByKey.values().toArray()));
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store failed: " + e.getMessage(), e);
        }
    }

    /** Drops claims of {@link #claimAll} whose requests were refused: as with {@link #once}, a refused request leaves no key behind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseAll(String scope, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement drop = c.prepareStatement("DELETE FROM idempotency_key WHERE scope = ? AND idem_key = ANY(?)")) {
            drop.setString(1, scope);
            drop.setArray(2, c.createArrayOf("text", keys.toArray()));
            drop.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store failed: " + e.getMessage(), e);
        }
    }

    /** An answer to a claimed key: what a retry with the key gets again ({@code body} JSON, or null; {@code location} or null). */
    public record Answer(String key, int status, String body, String location) {
    }

    /** Stores the answers of claimed keys ({@link #claimAll}), in the caller's transaction, one statement batch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void storeAll(String scope, List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement store = c.prepareStatement(STORE)) {
            for (Answer a : answers) {
                store.setInt(1, a.status());
                store.setString(2, a.body());
                store.setString(3, a.location());
                store.setString(4, scope);
                store.setString(5, a.key());
                store.addBatch();
            }
            store.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("idempotency store failed: " + e.getMessage(), e);
        }
    }

    private Response replay(Connection c, String scope, String key, String requestHash) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(
                "SELECT request_hash, status, body, location FROM idempotency_key WHERE scope = ? AND idem_key = ?")) {
            read.setString(1, scope);
            read.setString(2, key);
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("idempotency key vanished: " + key);
                }
                if (!rs.getString(1).equals(requestHash)) {
                    throw new DomainException(DomainException.Kind.CONFLICT, "idempotency-key-reused",
                            "The Idempotency-Key was used for another request",
                            "Idempotency-Key '" + key + "' was first used with a different body; use a new key for a new request");
                }
                Response.ResponseBuilder answer = Response.status(rs.getInt(2)).header("Idempotent-Replayed", "true");
                if (rs.getString(3) != null) {
                    answer.entity(rs.getString(3)).type("application/json");
                }
                if (rs.getString(4) != null) {
                    answer.location(URI.create(rs.getString(4)));
                }
                return answer.build();
            }
        }
    }

    /** The JSON text of an answer's entity, as {@link #once} stores and sends it. */
    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise for the idempotency store", e);
        }
    }
}
