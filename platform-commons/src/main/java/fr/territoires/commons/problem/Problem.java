package fr.territoires.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, as every error of the platform is answered
 * ({@code application/problem+json}); {@code errors} names each invalid field and its rule.
 * {@code traceId} (an extension member, on 5xx answers only) names the request's trace, to quote
 * to the platform team: it finds the trace and every log line of the request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
        String traceId) {

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Types are stable URNs under this base; they name the rule, not the Java exception. */
    public static final String TYPE_BASE = "urn:territoires:problem:";

    public record FieldError(String field, String message) {
    }

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + type), title, status, detail, null, List.of());
    }

    public static Problem validation(String detail, List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + "validation"), "Invalid request", 400, detail, null, errors);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, traceId);
    }

    /** The same problem naming a trace (null: none). */
    public Problem withTraceId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }
}
