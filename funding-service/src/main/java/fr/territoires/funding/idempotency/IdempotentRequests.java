package fr.territoires.funding.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Money-moving POSTs with an {@code Idempotency-Key}: the key is claimed, the work done and its
 * answer stored in ONE transaction, so a retry (even concurrent: it waits on the key's row) gets
 * the first answer replayed and never moves money twice. A failed attempt stores nothing, so it can
 * be retried. The same key for another request is a 422.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** What the work answers: a status, a body, and the created resource's location if any. */
    public record Outcome(int status, Object body, URI location) {

        public static Outcome ok(Object body) {
            return new Outcome(200, body, null);
        }

        public static Outcome created(URI location, Object body) {
            return new Outcome(201, body, location);
        }
    }

    private final ObjectMapper json;

    public IdempotentRequests(ObjectMapper json) {
        this.json = json;
    }

    @WithTransaction
    public Uni<Response> once(CallerScope caller, String key, String operation, Object request, Supplier<Uni<Outcome>> work) {
        if (key == null) {
            return work.get().map(o -> respond(o.status(), write(o.body()), o.location(), false));
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 100 letters, digits or . _ : -, e.g. a UUID");
        }
        String hash = hash(operation + "\n" + write(request));
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO idempotent_request (caller, idem_key, operation, request_hash) VALUES (:caller, :key, :op, :hash)
                ON CONFLICT (caller, idem_key) DO NOTHING""")
                .setParameter("caller", caller.name()).setParameter("key", key).setParameter("op", operation)
                .setParameter("hash", hash).executeUpdate()
                .chain(inserted -> inserted == 1
                        ? work.get().chain(o -> store(caller, key, o))
                        : replay(caller, key, operation, hash)));
    }

    private Uni<Response> store(CallerScope caller, String key, Outcome o) {
        String body = write(o.body());
        String stored = (o.location() == null ? "" : o.location().toString()) + "\n" + body;
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "UPDATE idempotent_request SET status = :status, response = :response WHERE caller = :caller AND idem_key = :key")
                .setParameter("status", o.status()).setParameter("response", stored)
                .setParameter("caller", caller.name()).setParameter("key", key).executeUpdate())
                .map(n -> respond(o.status(), body, o.location(), false));
    }

    private Uni<Response> replay(CallerScope caller, String key, String operation, String hash) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "SELECT operation, request_hash, status, response FROM idempotent_request WHERE caller = :caller AND idem_key = :key",
                Object[].class).setParameter("caller", caller.name()).setParameter("key", key).getSingleResult())
                .map(row -> {
                    if (!operation.equals(row[0]) || !hash.equals(row[1])) {
                        throw new ProblemException(Problem.of("idempotency-key-reused", "Unprocessable request", 422,
                                "Idempotency-Key " + key + " was used for another request; use a new key for a new request"));
                    }
                    String stored = (String) row[3];
                    int newline = stored.indexOf('\n');
                    String location = stored.substring(0, newline);
                    return respond(((Number) row[2]).intValue(), stored.substring(newline + 1),
                            location.isEmpty() ? null : URI.create(location), true);
                });
    }

    private static Response respond(int status, String body, URI location, boolean replayed) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (location != null) {
            builder.location(location);
        }
        if (replayed) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.build();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
