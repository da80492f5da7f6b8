package fr.territoires.funding.report;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.csv.CsvExport;
import fr.territoires.replica.Territories;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.PagingParams;
import fr.territoires.commons.params.EnumParam;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.funding.access.FundingAccess;
import fr.territoires.funding.envelope.Envelope;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Read-only reports on the programme's money (docs/funding-reports.md): envelopes' balances, the
 * evaluation figures grouped by territory, region, priority, funder or year, one territory's
 * funding by priority, and the SCDL "subventions" open-data export of approved grants.
 *
 * <p>National reports: programme-admin, partners and region-officers (every Region sees the whole
 * programme, as partners do). One territory's report: as its applications are read (its manager,
 * its Region, the programme team, partners).
 */
@Path("/api/funding/reports")
@Tag(name = "Reports")
@Authenticated
public class ReportResource {

    /**
     * The JSON page of the envelope report, for the OpenAPI only: an annotation cannot name
     * {@code Page<EnvelopeLine>}, which the operation answers (it also answers CSV).
     */
    @Schema(name = "PageEnvelopeLine")
    public record EnvelopeLinePage(List<ReportQueries.EnvelopeLine> items, int page, int size, long total) {
    }

    /** A group of the summary; the key is the territory or region code, priority, funder or year. */
    public record GroupView(String key, String label, long approvedApplications, BigDecimal committed, BigDecimal paid,
            long jobsCreated, long jobsKept, BigDecimal privateInvestment, BigDecimal leverage) {
    }

    /** Everything in a report counted once (an application in two groups is one application here). */
    public record TotalView(long approvedApplications, BigDecimal committed, BigDecimal paid, long jobsCreated,
            long jobsKept, BigDecimal privateInvestment, BigDecimal leverage) {

        static TotalView of(FundingSummary.Figures f) {
            return new TotalView(f.approvedApplications(), f.committed(), f.paid(), f.jobsCreated(), f.jobsKept(),
                    f.privateInvestment(), f.leverage());
        }
    }

    public record SummaryView(String by, Integer year, String territory, String region, List<GroupView> groups,
            TotalView total) {
    }

    public record PriorityView(Envelope.Priority priority, String label, long approvedApplications, BigDecimal committed,
            BigDecimal paid, long jobsCreated, long jobsKept, BigDecimal privateInvestment, BigDecimal leverage) {
    }

    public record TerritoryView(String territory, String name, String status, List<String> regions, Integer year,
            List<PriorityView> priorities, TotalView total) {
    }

    static final List<String> ENVELOPE_COLUMNS = List.of("id", "funder", "region", "name", "priority", "firstYear",
            "lastYear", "ceiling", "committed", "paid", "available", "status");
    static final List<String> SUMMARY_COLUMNS = List.of("label", "approvedApplications", "committed", "paid",
            "jobsCreated", "jobsKept", "privateInvestment", "leverage");

    private final ReportQueries queries;
    private final FundingAccess access;
    private final TerritoryFigures figures;
    private final SecurityIdentity identity;

    public ReportResource(ReportQueries queries, FundingAccess access, TerritoryFigures figures,
            SecurityIdentity identity) {
        this.queries = queries;
        this.access = access;
        this.figures = figures;
        this.identity = identity;
    }

    @GET
    @Path("envelopes")
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.PARTNER, CallerScope.REGION_OFFICER})
    @Operation(summary = "Envelopes' balances: ceiling, committed, paid, available",
            description = "By funder, name and id. Filters q (part of the name), funder, priority, status. JSON is paged "
                    + "(page, size); format=csv gives every matching envelope as CSV (comma, dot decimals).")
    @APIResponse(responseCode = "200", description = "A page of envelopes (JSON), or with format=csv every matching envelope", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnvelopeLinePage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> envelopes(@BeanParam PagingParams paging, @QueryParam("format") String format,
            @QueryParam("q") String q, @QueryParam("funder") String funder, @QueryParam("priority") String priority,
            @QueryParam("status") String status) {
        PageRequest page = paging.request();
        ReportParams.Format f = ReportParams.format(format);
        ReportQueries.EnvelopeFilter filter = new ReportQueries.EnvelopeFilter(q,
                EnumParam.parse("funder", funder, Envelope.Funder.class),
                EnumParam.parse("priority", priority, Envelope.Priority.class),
                EnumParam.parse("status", status, Envelope.Status.class));
        if (f == ReportParams.Format.JSON) {
            return queries.envelopes(filter, page).map(p -> Response.ok(p, MediaType.APPLICATION_JSON).build());
        }
        return queries.envelopes(filter, null).map(Page::items).map(lines -> {
            CsvExport csv = CsvExport.of(',', ENVELOPE_COLUMNS);
            lines.forEach(e -> csv.row(Arrays.asList(e.id(), e.funder(), e.region(), e.name(), e.priority(), e.firstYear(),
                    e.lastYear(), e.ceiling(), e.committed(), e.paid(), e.available(), e.status())));
            return csv(csv, "funding-envelopes.csv");
        });
    }

    @GET
    @Path("summary")
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.PARTNER, CallerScope.REGION_OFFICER})
    @Operation(summary = "Approved applications, committed, paid, jobs, private investment and leverage, by group",
            description = "by = territory, region, priority, funder or year (required). Optional year (commitments by "
                    + "their year, payments by fiscal year, applications by the year of their commitments), territory, "
                    + "region. A territory in two regions counts in both; a co-financed application counts for each "
                    + "funder and priority; the total counts everything once. format=csv for CSV.")
    @APIResponse(responseCode = "200", description = "The groups and the total (JSON), or with format=csv one row per group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryView.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> summary(@QueryParam("by") String by, @QueryParam("year") String year,
            @QueryParam("territory") String territory, @QueryParam("region") String region,
            @QueryParam("format") String format) {
        FundingSummary.By dimension = ReportParams.by(by);
        Integer fiscalYear = ReportParams.year(year);
        String onlyTerritory = ReportParams.territory(territory);
        String onlyRegion = ReportParams.region(region);
        ReportParams.Format f = ReportParams.format(format);
        return queries.facts(onlyTerritory).chain(facts -> queries.territories(facts.territories()).map(known -> {
            Function<String, List<String>> regionsOf = code -> known.containsKey(code) ? known.get(code).regions() : List.of();
            FundingSummary.Facts kept = onlyRegion == null ? facts : facts.of(code -> regionsOf.apply(code).contains(onlyRegion));
            FundingSummary.Result result = FundingSummary.summarise(kept, dimension, fiscalYear, regionsOf, seed(dimension));
            List<GroupView> groups = result.groups().stream().map(g -> new GroupView(g.key(),
                    label(dimension, g.key(), known), g.approvedApplications(), g.committed(), g.paid(), g.jobsCreated(),
                    g.jobsKept(), g.privateInvestment(), g.leverage())).toList();
            if (f == ReportParams.Format.JSON) {
                return Response.ok(new SummaryView(dimension.param(), fiscalYear, onlyTerritory, onlyRegion, groups,
                        TotalView.of(result.total())), MediaType.APPLICATION_JSON).build();
            }
            CsvExport csv = CsvExport.of(',', header(dimension.param(), SUMMARY_COLUMNS));
            groups.forEach(g -> csv.row(Arrays.asList(g.key(), g.label(), g.approvedApplications(), g.committed(), g.paid(),
                    g.jobsCreated(), g.jobsKept(), g.privateInvestment(), g.leverage())));
            return csv(csv, "funding-summary-by-" + dimension.param() + (fiscalYear == null ? "" : "-" + fiscalYear) + ".csv");
        }));
    }

    @GET
    @Path("territories/{code}")
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.PARTNER, CallerScope.REGION_OFFICER,
            CallerScope.TERRITORY_MANAGER})
    @Operation(summary = "One territory's funding by priority (the territory dashboard)",
            description = "For each of the four priorities and in total: approved applications, committed, paid, jobs, "
                    + "private investment, leverage. Optional year. Its manager, its Region, the programme team and "
                    + "partners; 404 for a territory unknown to funding-service.")
    public Uni<TerritoryView> territory(@PathParam("code") String code, @QueryParam("year") String year) {
        Integer fiscalYear = ReportParams.year(year);
        CallerScope caller = CallerScope.of(identity);
        // the access check reads the replica at every request, before any kept figures are given (issue #16)
        return access.require(caller, code, FundingAccess.Action.READ).chain(t -> {
            if (t == null) {
                throw ProblemException.notFound("Territory " + code);
            }
            List<String> regions = t.regions();
            return figures.of(code, fiscalYear, regions).map(f -> new TerritoryView(t.code(), t.name(), t.status(),
                    regions, fiscalYear, f.priorities(), f.total()));
        });
    }

    @GET
    @Path("scdl")
    @WithSession
    @Produces("text/csv")
    @RolesAllowed({CallerScope.PROGRAMME_ADMIN, CallerScope.PARTNER, CallerScope.REGION_OFFICER})
    @Operation(summary = "Approved grants in the SCDL subventions open-data format (CSV)",
            description = "Schema SCDL subventions 2.0.0: its fourteen columns in order, one row per commitment still "
                    + "holding money. Optional year (of the convention, i.e. the commitment) and funder.")
    @APIResponse(responseCode = "200", description = "SCDL subventions 2.0.0, one row per commitment still holding money",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> scdl(@QueryParam("year") String year, @QueryParam("funder") String funder) {
        Integer conventionYear = ReportParams.year(year);
        Envelope.Funder awardedBy = EnumParam.parse("funder", funder, Envelope.Funder.class);
        return queries.grants(conventionYear, awardedBy).map(grants -> {
            CsvExport csv = CsvExport.of(',', ScdlSubventions.COLUMNS);
            grants.forEach(g -> csv.row(ScdlSubventions.row(g)));
            return csv(csv, "subventions-territoires-d-industrie" + (conventionYear == null ? "" : "-" + conventionYear)
                    + ".csv");
        });
    }

    /** The enumerated dimensions list every value, even with nothing in it. */
    private static List<String> seed(FundingSummary.By by) {
        return switch (by) {
            case PRIORITY -> Arrays.stream(Envelope.Priority.values()).map(Enum::name).toList();
            case FUNDER -> Arrays.stream(Envelope.Funder.values()).map(Enum::name).toList();
            default -> List.of();
        };
    }

    private static String label(FundingSummary.By by, String key, Map<String, Territories.Known> known) {
        return switch (by) {
            case TERRITORY -> known.containsKey(key) ? known.get(key).name() : key;
            case REGION -> FundingSummary.UNKNOWN_REGION.equals(key) ? "Région inconnue" : Names.region(key).orElse(key);
            case PRIORITY -> Names.priority(Envelope.Priority.valueOf(key));
            case FUNDER -> Names.funder(Envelope.Funder.valueOf(key));
            case YEAR -> key;
        };
    }

    private static List<String> header(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private static Response csv(CsvExport csv, String filename) {
        return Response.ok(csv.text(), CsvExport.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").build();
    }
}
