package fr.territoires.recruitment.bulk;

import fr.territoires.commons.access.CallerScope;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/recruitment/needs/import")
@Tag(name = "Recruitment needs")
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class BulkDeclarationResource {

    private final BulkDeclaration bulk;
    private final SecurityIdentity identity;

    public BulkDeclarationResource(BulkDeclaration bulk, SecurityIdentity identity) {
        this.bulk = bulk;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.TERRITORY_MANAGER, CallerScope.COMPANY})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare many needs from a CSV file, all or none",
            description = "Header with siret, rome_code, job_title, headcount, contract_type, qualification_level, start_date, "
                    + "deadline, hours_per_week; optional filled_count, skills (a|b), work_study, difficult, "
                    + "difficulty_reasons (a|b), difficulty_comment, and company_name, naf_code, commune, size_band, territory "
                    + "to register a company not registered yet. Comma or semicolon; UTF-8 with or without BOM; at most "
                    + "5,000 rows. Each row follows the API's rules and the caller's scope; one refused row refuses the "
                    + "file: 422 naming every refused line and column, nothing stored. Otherwise a report per row.")
    public Uni<BulkDeclaration.Report> importNeeds(byte[] body) {
        return bulk.declare(NeedCsv.parse(body == null ? new byte[0] : body), CallerScope.of(identity));
    }
}
