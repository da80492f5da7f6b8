package fr.territoires.backbone.deadletter;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The programme team's view of what this service could not apply, and the re-drive. A service
 * that consumes events exposes it under its own prefix by extending this class with a {@code @Path}.
 */
@RolesAllowed("programme-admin")
@Produces(MediaType.APPLICATION_JSON)
public abstract class DeadLetterAdminResource {

    private static final Set<String> STATUSES = Set.of("PARKED", "REDRIVEN");

    @Inject
    DeadLetters deadLetters;

    @Inject
    DeadLetterRedrive redrive;

    @GET
    @Operation(summary = "List dead letters", description = "Oldest first; status PARKED or REDRIVEN.")
    public Page<DeadLetter> list(@BeanParam PagingParams paging, @QueryParam("status") String status)
            throws SQLException {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "must be PARKED or REDRIVEN");
        }
        return deadLetters.list(paging.request(), Optional.ofNullable(status));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One dead letter, with its headers, payload and error")
    public DeadLetter get(@PathParam("id") long id) throws SQLException {
        return deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("Dead letter " + id));
    }

    @POST
    @Path("{id}/redrive")
    @Operation(summary = "Apply one parked message again", description = "422 if it still cannot be applied.")
    public DeadLetter redriveOne(@PathParam("id") long id) throws SQLException {
        return redrive.redrive(id);
    }

    @POST
    @Path("redrive")
    @Operation(summary = "Apply every parked message again")
    public DeadLetterRedrive.Report redriveAll() throws SQLException {
        return redrive.redriveAll();
    }
}
