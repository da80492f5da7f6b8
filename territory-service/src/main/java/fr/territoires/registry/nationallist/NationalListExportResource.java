package fr.territoires.registry.nationallist;

import fr.territoires.commons.readcache.Freshness;
import fr.territoires.commons.readcache.ReadCache;
import fr.territoires.commons.readcache.ReadRevision;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.params.DateParam;
import fr.territoires.registry.reference.Phases;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@jakarta.inject.Singleton
@Path("/api/territories/export")
@Tag(name = "National list")
public class NationalListExportResource {

    @jakarta.inject.Inject
    BusinessDates dates;

    private record Key(String format, String phase, LocalDate asOf) {
    }

    /** The open-data files (about 1 MB each), kept between changes of the registry (ReadCache). */
    private final ReadCache<Key, Object> files = new ReadCache<>(16);

    @jakarta.inject.Inject
    ReadRevision revision;

    private final NationalListExport export;

    public NationalListExportResource(NationalListExport export) {
        this.export = export;
    }

    @GET
    @PermitAll
    @Operation(summary = "The registry as open data (public)",
            description = "format=csv (default): the national list's format, one row per commune; format=json: "
                    + "territories with EPCIs, communes, population, départements and regions. phase (default "
                    + "2023-2027) and asOf (default today).")
    @APIResponse(responseCode = "200", description = "The national list: CSV (default) or JSON (format=json)", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NationalListExport.OpenData.class))})
    public Uni<Response> export(@QueryParam("format") String format, @QueryParam("phase") String phase,
            @QueryParam("asOf") String asOf) {
        String p = Phases.parse(phase);
        LocalDate date = DateParam.parseOrToday("asOf", asOf, dates.today());
        String f = format == null || format.isBlank() ? "csv" : format;
        if (!f.equals("csv") && !f.equals("json")) {
            throw ProblemException.invalid("format", "must be csv or json");
        }
        return revision.current().chain(rev -> files.get(new Key(f, p, date), rev,
                () -> f.equals("csv") ? export.csv(p, date).map(Object.class::cast) : export.json(p, date).map(Object.class::cast))
                .map(file -> {
                    Response.ResponseBuilder ok = f.equals("csv") ? Response.ok(file, "text/csv;charset=UTF-8")
                            .header("Content-Disposition", "attachment; filename=\"territoires-industrie-" + p + "-" + date + ".csv\"")
                            : Response.ok(file, MediaType.APPLICATION_JSON);
                    return ok.tag(Freshness.tag(rev, date)).header("Cache-Control", Freshness.PUBLIC).build();
                }));
    }
}
