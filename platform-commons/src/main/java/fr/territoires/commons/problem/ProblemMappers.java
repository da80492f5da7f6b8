package fr.territoires.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import fr.territoires.commons.outage.OutageConfig;
import fr.territoires.commons.outage.Outages;
import fr.territoires.commons.outage.SigningKeys;
import fr.territoires.commons.tracing.TraceIds;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure leaves a service as problem+json: bad input is a 4xx naming the field and the
 * rule; anything unexpected is a 500 with a reference to the log line, never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final OutageConfig outage;
    private final SigningKeys signingKeys;

    public ProblemMappers(OutageConfig outage, SigningKeys signingKeys) {
        this.outage = outage;
        this.signingKeys = signingKeys;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(Problem.validation(detail, errors), uri);
    }

    /** Wrong type or format of a field (more specific than Quarkus's own mapper, so it wins). */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : "";
        String message = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException
                ? "is not a field of this request"
                : e instanceof JsonMappingException ? "has the wrong type or format" : "is not valid JSON";
        String name = field.isEmpty() ? "body" : field;
        return respond(Problem.validation(name + ": " + message + " (" + e.getOriginalMessage() + ")",
                List.of(new Problem.FieldError(name, message))), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        if (signingKeys.unavailable(e, headers.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return dependencyUnavailable(e, uri); // Keycloak's keys could not be fetched: not the caller's fault
        }
        return unauthenticated(uri);
    }

    /**
     * Quarkus OIDC could not initialise its tenant (a service started while Keycloak was away, until
     * Keycloak answers): a token that could be valid gets 503 with Retry-After; no token, or one that
     * no key would make valid (not a JWT, expired), 401. Any other OIDC failure is unexpected.
     */
    @ServerExceptionMapper
    public Response oidc(io.quarkus.oidc.OIDCException e, UriInfo uri, HttpHeaders headers) {
        if (!Outages.isUnavailable(e)) {
            return unexpected(e, uri);
        }
        if (signingKeys.unavailable(e, headers.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return dependencyUnavailable(e, uri);
        }
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of("forbidden", "Forbidden", 403,
                "Your role or scope does not allow this operation"), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        // A body the JSON reader could not read, wrapped by the framework: named like any unreadable JSON.
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonProcessingException json) {
                return unreadableJson(json, uri);
            }
        }
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? status.getReasonPhrase()
                : e.getMessage();
        Problem problem = Problem.of(slug(status.getReasonPhrase()), status.getReasonPhrase(), status.getStatusCode(),
                detail);
        if (status.getStatusCode() == 400) {
            // A 400 always names what is wrong: here the request body as a whole.
            problem = new Problem(problem.type(), problem.title(), 400, detail, null,
                    List.of(new Problem.FieldError("body", "could not be read: " + detail)));
        }
        Response.ResponseBuilder builder = Response.status(status.getStatusCode())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()));
        // Keep what the client needs to retry correctly (Allow on 405, Retry-After on 429…).
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /**
     * Exceptions (by class name, anywhere in their class hierarchy) that mean a lost update was
     * avoided: two changes of the same versioned record, the second to commit loses. Names rather
     * than types, so that the gateway (no Hibernate) shares this mapper.
     */
    static final List<String> CONCURRENT_CHANGE = List.of("org.hibernate.StaleStateException",
            "jakarta.persistence.OptimisticLockException");

    /** A concurrent change, found in an exception or its causes (reactive code wraps them). */
    static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
                if (CONCURRENT_CHANGE.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isConcurrentChange(e)) {
            // Two changes that both passed If-Match (or came without it): 409, read again; never a 500.
            return respond(Problem.of("concurrent-change", "Conflict", 409,
                    "The record was changed at the same time by someone else; read it again"), uri);
        }
        if (Outages.isTransactionRace(e)) {
            // PostgreSQL rolled the transaction back (deadlock, serialization failure): nothing was written.
            LOG.warnf("Transaction rolled back by the database on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(respond(Problem.of("concurrent-change", "Conflict", 409,
                    "The change ran at the same time as another and was not made; send it again"), uri))
                    .header(HttpHeaders.RETRY_AFTER, "1").build();
        }
        if (Outages.unavailable(e).isPresent()) {
            return dependencyUnavailable(e, uri);
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, uri.getPath());
        return respond(Problem.of("internal", "Internal error", 500,
                "An unexpected error occurred; quote reference " + reference + " to the platform team"), uri);
    }

    /**
     * A dependency is away (database, Kafka, Keycloak's keys): the same request will succeed once it
     * is back. No stack trace: the readiness check and the alert say which one.
     */
    private Response dependencyUnavailable(Throwable e, UriInfo uri) {
        LOG.warnf("Dependency unavailable on %s: %s (%s)", uri.getPath(), Outages.unavailable(e).orElse("the identity provider's signing keys out of reach"),
                e.toString());
        return Response.status(503)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(outage.retryAfter()))
                .type(Problem.MEDIA_TYPE)
                .entity(withTrace(Problem.of("dependency-unavailable", "Service unavailable", 503,
                        "A service the platform depends on is unavailable for a moment; try again later")
                        .withInstance(uri.getPath())))
                .build();
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of("unauthenticated", "Unauthorized", 401,
                        "A valid bearer token from the territoires realm is required").withInstance(uri.getPath()))
                .build();
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(withTrace(problem.withInstance(uri.getPath()))).build();
    }

    /** A 5xx names the request's trace (to quote to the platform team); a 4xx does not need to. */
    public static Problem withTrace(Problem problem) {
        return problem.status() >= 500 ? problem.withTraceId(TraceIds.currentTraceId().orElse(null)) : problem;
    }

    /** Retry-After in whole seconds, at least 1. */
    public static String retryAfterSeconds(java.time.Duration pause) {
        return Long.toString(Math.max(1, (pause.toMillis() + 999) / 1000));
    }

    /** The client's name for the field: the query parameter or body property, not the Java method. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        boolean afterParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                names.clear();
                names.add(node.getName());
                afterParameter = true;
                continue;
            }
            if (afterParameter && names.size() == 1) {
                names.clear(); // a body parameter: name its properties, not the Java argument
                afterParameter = false;
            }
            // An element of a list: Bean Validation puts its index on the node after the list's own node.
            if (node.isInIterable() && node.getIndex() != null && !names.isEmpty()) {
                int last = names.size() - 1;
                names.set(last, names.get(last) + "[" + node.getIndex() + "]");
            } else if (node.isInIterable() && node.getIndex() != null) {
                names.add("[" + node.getIndex() + "]");
            }
            if (node.getName() != null && !node.getName().isEmpty() && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String slug(String text) {
        return text.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
