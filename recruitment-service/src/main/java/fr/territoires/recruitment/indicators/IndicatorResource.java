package fr.territoires.recruitment.indicators;

import fr.territoires.commons.params.DateWindow;
import fr.territoires.commons.params.EnumParam;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.recruitment.reference.Rome;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/recruitment/indicators")
@Tag(name = "Indicators")
@Authenticated
public class IndicatorResource {

    public record Series(Indicators.Level level, String area, Indicators.By by, String from, String to, String formula,
            List<Indicators.Row> rows) {
    }

    public record ShortageJobs(Indicators.Level level, String area, String month, String formula,
            List<Indicators.Row> jobs) {
    }

    static final String FORMULA = "tension = 100 x mean(difficulty, duration, unfilled): difficulty = open positions "
            + "declared difficult / open positions; duration = min(1, average age in days of the open needs / "
            + Tension.FULL_TENSION_AGE_DAYS + "); unfilled = positions unfilled at expiry / positions of the needs that "
            + "ended (filled or expired) in the 12 months to the month's end, left out when none ended. "
            + "No open position: no tension.";

    private final Indicators indicators;

    public IndicatorResource(Indicators indicators) {
        this.indicators = indicators;
    }

    @GET
    @Operation(summary = "Monthly recruitment indicators, by area and job",
            description = "level: TERRITORY (default), EPCI, DEPARTEMENT, REGION, COMMUNE or NATIONAL, where the needs "
                    + "were declared; area: one code of that level; by: ROME (default), FAMILY or NONE; romeCode, family: "
                    + "filters; from, to: months YYYY-MM (default: the last 12 months, at most 36). Per month: needs and "
                    + "positions declared, open needs and positions at the month's end, needs declared difficult and "
                    + "their share, share open to work-study, average age of the open needs, share of positions left "
                    + "unfilled at expiry, tension (docs/recruitment.md). format=csv for a spreadsheet (semicolons). Any "
                    + "signed-in role: aggregates only.")
    @APIResponse(responseCode = "200", description = "The series (JSON), or with format=csv a spreadsheet (semicolons)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Series.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Uni<Response> indicatorSeries(@QueryParam("level") String level, @QueryParam("area") String area,
            @QueryParam("by") String by, @QueryParam("romeCode") String romeCode, @QueryParam("family") String family,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        Indicators.Level l = level(level);
        Indicators.By b = EnumParam.parse("by", by, Indicators.By.class);
        Indicators.By groupBy = b == null ? Indicators.By.ROME : b;
        YearMonth end = month("to", to, indicators.currentMonth());
        YearMonth start = month("from", from, end.minusMonths(11));
        String f = format == null || format.isBlank() ? "json" : format.trim();
        if (!f.equals("json") && !f.equals("csv")) {
            throw ProblemException.invalid("format", "must be json or csv");
        }
        Indicators.Query q = new Indicators.Query(l, blank(area), groupBy, rome(romeCode), family(family), start, end);
        return indicators.rows(q).map(rows -> f.equals("csv")
                ? Response.ok(IndicatorCsv.write(q, rows), "text/csv;charset=UTF-8").header("Content-Disposition",
                        "attachment; filename=\"recruitment-indicators-" + l.name().toLowerCase() + "-" + start + "-" + end
                                + ".csv\"").build()
                : Response.ok(new Series(l, q.area(), groupBy, start.toString(), end.toString(), FORMULA, rows),
                        MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("shortage-jobs")
    @Operation(summary = "The most tense jobs (ROME codes) of an area in a month",
            description = "level and area as for the series (area required unless NATIONAL); month YYYY-MM (default the "
                    + "current one); limit 1-50 (default 10). Most tense first, then most open positions.")
    @APIResponse(responseCode = "200", description = "The most tense jobs, most tense first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShortageJobs.class)))
    public Uni<Response> shortageJobs(@QueryParam("level") String level, @QueryParam("area") String area,
            @QueryParam("month") String month, @QueryParam("limit") String limit) {
        Indicators.Level l = level(level);
        String a = blank(area);
        if (a == null && l != Indicators.Level.NATIONAL) {
            throw ProblemException.invalid("area", "must be given for level " + l);
        }
        YearMonth m = month("month", month, indicators.currentMonth());
        int n = limit(limit);
        return indicators.shortageJobs(l, a, m, n).map(jobs -> Response.ok(
                new ShortageJobs(l, a, m.toString(), FORMULA, jobs), MediaType.APPLICATION_JSON).build());
    }

    private static Indicators.Level level(String level) {
        Indicators.Level l = EnumParam.parse("level", level, Indicators.Level.class);
        return l == null ? Indicators.Level.TERRITORY : l;
    }

    private static YearMonth month(String field, String value, YearMonth fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            YearMonth month = YearMonth.parse(value.trim());
            DateWindow.check(field, month.atDay(1));
            return month;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a month YYYY-MM");
        }
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 10;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= 50) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to 50");
    }

    private static String rome(String value) {
        String code = blank(value);
        if (code != null) {
            Rome.problem(code).ifPresent(p -> {
                throw ProblemException.invalid("romeCode", p);
            });
        }
        return code;
    }

    private static String family(String value) {
        String letter = blank(value);
        if (letter != null && Rome.Family.of(letter).isEmpty()) {
            throw ProblemException.invalid("family", "must be a ROME family letter, A to N");
        }
        return letter;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
