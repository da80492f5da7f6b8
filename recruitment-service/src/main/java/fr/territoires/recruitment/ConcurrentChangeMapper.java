package fr.territoires.recruitment;

import fr.territoires.commons.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two changes of the same record that both passed If-Match (or came without it): the second one
 * to commit loses, with a 409 asking to read again, rather than a 500.
 */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper
    public Response stale(StaleStateException e, UriInfo uri) {
        return conflict(uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(jakarta.persistence.OptimisticLockException e, UriInfo uri) {
        return conflict(uri);
    }

    private static Response conflict(UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(Problem.of("concurrent-change", "Conflict", 409,
                        "The record was changed at the same time by someone else; read it again").withInstance(uri.getPath()))
                .build();
    }
}
