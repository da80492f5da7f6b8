package fr.territoires.registry.nationallist;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.params.DateParam;
import fr.territoires.registry.reference.Phases;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/territories/import")
@Tag(name = "National list")
// A write that reached the service runs to its commit or its refusal, whatever its caller does (docs/decisions.md)
@Cancellable(false)
public class NationalListResource {

    @jakarta.inject.Inject
    BusinessDates dates;

    private final NationalListImport importer;
    private final SecurityIdentity identity;

    public NationalListResource(NationalListImport importer, SecurityIdentity identity) {
        this.importer = importer;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("programme-admin")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import the official list of territories (CSV, one row per commune)",
            description = "Columns insee_com, lib_com, id_ti, lib_ti; comma or semicolon; UTF-8 with or without BOM. "
                    + "Applied whole or not at all (422 naming every rejected line). phase: 2019-2022 or 2023-2027 "
                    + "(default); effectiveOn: first day of the perimeters (default today).")
    public Uni<NationalListImport.Report> importList(byte[] body, @QueryParam("phase") String phase,
            @QueryParam("effectiveOn") String effectiveOn) {
        String p = Phases.parse(phase);
        LocalDate date = DateParam.parseOrToday("effectiveOn", effectiveOn, dates.today());
        List<NationalListCsv.Row> rows = NationalListCsv.parse(body == null ? new byte[0] : body);
        NationalListPlan plan = importer.check(rows);
        return importer.apply(rows, plan, p, date, identity.getPrincipal().getName());
    }
}
