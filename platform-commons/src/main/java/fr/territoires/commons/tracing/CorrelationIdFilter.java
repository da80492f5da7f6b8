package fr.territoires.commons.tracing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Carries the request's correlation id (from the gateway's {@code X-Correlation-Id}, or a new one)
 * into the logging context, where the outbox picks it up for the events the request causes, and
 * back in the response.
 */
public class CorrelationIdFilter {

    public static final String HEADER = "X-Correlation-Id";
    /** The MDC key the outbox reads. */
    public static final String MDC_KEY = "correlationId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @ServerRequestFilter(preMatching = true)
    public void incoming(ContainerRequestContext request) {
        String id = acceptOrCreate(request.getHeaderString(HEADER));
        MDC.put(MDC_KEY, id);
        request.setProperty(MDC_KEY, id);
    }

    /** A caller's id is kept only if short and plain (safe in logs and headers); otherwise a new one. */
    public static String acceptOrCreate(String given) {
        return given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @ServerResponseFilter
    public void outgoing(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id.toString());
        }
    }
}
