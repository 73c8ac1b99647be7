package org.xietong.platform.conventions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.xietong.platform.privacy.ResidentIds;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POST: the first successful response to a caller's key is stored in the same
 * transaction as the change and replayed for 24 hours; the same key with a different body is 422. A concurrent
 * retry waits on the first request's row and then replays its answer. A failed request stores nothing, so it
 * can be retried with the same key. A stored response holds no resident ID number: every string shaped like one is
 * masked to its last four characters before storing, so a replay shows the mask (the resource itself still answers
 * whoever may see the number in full).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    /** What a key may be: 1 to 200 visible ASCII characters (also declared in the API documents). */
    static final String KEY_PATTERN = "[\\x21-\\x7e]{1,200}";
    private static final Pattern KEY = Pattern.compile(KEY_PATTERN);
    /** How long a key's response is replayed, as a PostgreSQL interval; Housekeeping deletes older records. */
    public static final String EXPIRY = "24 hours";

    /** The stored answer to a caller's key; native SQL like the claim, whose ON CONFLICT has no JPQL form. */
    private record StoredResponse(String requestHash, Integer status, String location, String body) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final ObjectMapper canonical;
    private final ObjectMapper json;

    public Idempotency(EntityManager em, Caller caller, ObjectMapper json) {
        this.em = em;
        this.caller = caller;
        this.json = json;
        this.canonical = json.copy()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @Transactional
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        String owner = caller.subject();
        String hash = hash(operation, request);
        int claimed = em.createNativeQuery("INSERT INTO idempotency_record (caller, idem_key, request_hash) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (caller, idem_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, "
                        + "status = NULL, location = NULL, body = NULL, created_at = now() "
                        + "WHERE idempotency_record.created_at < now() - CAST('" + EXPIRY + "' AS interval)")
                .setParameter(1, owner).setParameter(2, key).setParameter(3, hash)
                .executeUpdate();
        if (claimed == 0) {
            return replay(owner, key, hash);
        }
        Response response = action.get();
        em.createNativeQuery("UPDATE idempotency_record SET status = ?3, location = ?4, body = ?5 WHERE caller = ?1 AND idem_key = ?2")
                .setParameter(1, owner).setParameter(2, key)
                .setParameter(3, response.getStatus())
                .setParameter(4, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(5, response.hasEntity() ? write(response.getEntity()) : null)
                .executeUpdate();
        return response;
    }

    private Response replay(String owner, String key, String hash) {
        StoredResponse stored = (StoredResponse) em.createNativeQuery("SELECT request_hash, status, location, body "
                        + "FROM idempotency_record WHERE caller = ?1 AND idem_key = ?2", StoredResponse.class)
                .setParameter(1, owner).setParameter(2, key).getSingleResult();
        if (!hash.equals(stored.requestHash())) {
            throw ProblemException.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request; use a new key for a new request");
        }
        Response.ResponseBuilder replayed = Response.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            replayed.location(URI.create(stored.location()));
        }
        if (stored.body() != null) {
            replayed.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return replayed.build();
    }

    private String hash(String operation, Object request) {
        try {
            byte[] body = canonical.writeValueAsBytes(request);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object entity) {
        try {
            return json.writeValueAsString(withoutResidentIds(json.valueToTree(entity)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The response as stored for 24 hours: strings shaped like a resident ID masked, wherever they sit. */
    static JsonNode withoutResidentIds(JsonNode node) {
        if (node.isTextual() && ResidentIds.looksLikeOne(node.textValue())) {
            return TextNode.valueOf(ResidentIds.mask(node.textValue().strip()));
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, withoutResidentIds(object.get(name))));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutResidentIds(array.get(i)));
            }
        }
        return node;
    }
}
