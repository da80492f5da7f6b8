package fr.territoires.recruitment.indicators;

import static fr.territoires.recruitment.RecruitmentFixtures.labelled;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static fr.territoires.recruitment.RecruitmentFixtures.partner;
import static fr.territoires.recruitment.RecruitmentFixtures.registeredCompany;
import static fr.territoires.recruitment.RecruitmentFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.recruitment.need.NeedRequest;
import fr.territoires.recruitment.need.NeedService;
import fr.territoires.recruitment.need.RecruitmentNeed;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Monthly indicators from needs with a past: declared two months ago, filled and expired since,
 * through the service's own back-dated declarations (as the demo data does), so the months differ.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class IndicatorsTest {

    private static final String NANTES = "44109";
    private static final String SAINT_NAZAIRE = "44184";
    private static final CallerScope ADMIN = new CallerScope("test", Set.of(CallerScope.PROGRAMME_ADMIN), null, List.of(),
            null);
    private static final YearMonth M = YearMonth.from(today());
    private static final YearMonth M1 = M.minusMonths(1);
    private static final YearMonth M2 = M.minusMonths(2);
    private static String territory;

    @Inject
    NeedService needs;

    /** A (welders, difficult, 4) and B (welders, 2, expired last month) in two months ago; C (maintenance, 1) last month. */
    @BeforeEach
    synchronized void needsWithAPast() throws Throwable {
        if (territory != null) {
            return;
        }
        territory = labelled(newCode("i"), NANTES, SAINT_NAZAIRE);
        String nantes = registeredCompany(NANTES);
        String saintNazaire = registeredCompany(SAINT_NAZAIRE);
        NeedRequest a = request(nantes, "H2913", 4, null, M2.atDay(10), today().plusDays(60), true, true);
        String idA = declare(a, M2.atDay(5));
        change(idA, request(nantes, "H2913", 4, 1, M2.atDay(10), today().plusDays(60), true, true), M1.atDay(10));
        declare(request(saintNazaire, "H2913", 2, null, M2.atDay(15), M1.atDay(20), false, false), M2.atDay(10));
        String idC = declare(request(saintNazaire, "I1304", 1, null, M1.atDay(5), today().plusDays(90), false, false),
                M1.atDay(3));
        change(idC, request(saintNazaire, "I1304", 1, 1, M1.atDay(5), today().plusDays(90), false, false), today());
        VertxContextSupport.subscribeAndAwait(() -> needs.expireDue(today()));
    }

    private static NeedRequest request(String siret, String rome, int headcount, Integer filled, LocalDate start,
            LocalDate deadline, boolean difficult, boolean workStudy) {
        return new NeedRequest(siret, rome, "Poste " + rome, headcount, filled, RecruitmentNeed.ContractType.CDI,
                RecruitmentNeed.QualificationLevel.SKILLED_WORKER, List.of(), workStudy, start, deadline,
                new BigDecimal("35"), difficult,
                difficult ? Set.of(RecruitmentNeed.DifficultyReason.CANDIDATE_SHORTAGE) : Set.of(), null);
    }

    private String declare(NeedRequest r, LocalDate on) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> needs.declareInCurrentTransaction(r, ADMIN, on))).need().id.toString();
    }

    private void change(String id, NeedRequest r, LocalDate on) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> needs.replaceInCurrentTransaction(id, r, fr.territoires.commons.versioning.IfMatch.ANY, ADMIN, on)));
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    private static Map<String, Object> row(JsonPath json, String month, String job) {
        return json.getMap("rows.find { it.month == '" + month + "' && it.job == '" + job + "' }");
    }

    @Test
    void aTerritorysMonthlySeriesPerJob() {
        JsonPath json = given().auth().oauth2(partner()).queryParam("area", territory)
                .queryParam("from", M2.toString()).queryParam("to", M.toString())
                .when().get("/api/recruitment/indicators")
                .then().statusCode(200)
                .body("level", equalTo("TERRITORY"), "by", equalTo("ROME"),
                        "rows.month", contains(M2.toString(), M1.toString(), M1.toString(), M.toString(), M.toString()),
                        "rows.job", contains("H2913", "H2913", "I1304", "H2913", "I1304"),
                        "rows.areaName", contains("Territoire " + territory, "Territoire " + territory,
                                "Territoire " + territory, "Territoire " + territory, "Territoire " + territory))
                .extract().jsonPath();

        // Two months ago: A (4, difficult, work-study) and B (2) open, declared that month.
        LocalDate end2 = M2.atEndOfMonth();
        long ageA2 = days(M2.atDay(5), end2);
        long ageB2 = days(M2.atDay(10), end2);
        Map<String, Object> welders2 = row(json, M2.toString(), "H2913");
        assertEquals(2, welders2.get("declaredNeeds"));
        assertEquals(6, welders2.get("declaredPositions"));
        assertEquals(2, welders2.get("openNeeds"));
        assertEquals(6, welders2.get("openPositions"));
        assertEquals(1, welders2.get("difficultNeeds"));
        assertEquals(0.5f, welders2.get("difficultShare"));
        assertEquals(0.5f, welders2.get("workStudyShare"));
        assertEquals((ageA2 + ageB2) / 2.0, ((Number) welders2.get("averageAgeDays")).doubleValue(), 0.05);
        assertEquals(null, welders2.get("unfilledShare"));
        assertEquals(Tension.of(new Tension.Inputs(2, 6, 4, ageA2 + ageB2, 0, 0)), welders2.get("tension"));

        // Last month: A partly filled (3 open), B expired with its 2 positions unfilled, C declared.
        long ageA1 = days(M2.atDay(5), M1.atEndOfMonth());
        Map<String, Object> welders1 = row(json, M1.toString(), "H2913");
        assertEquals(0, welders1.get("declaredNeeds"));
        assertEquals(1, welders1.get("openNeeds"));
        assertEquals(3, welders1.get("openPositions"));
        assertEquals(1.0f, welders1.get("difficultShare"));
        assertEquals(1.0f, welders1.get("unfilledShare"));
        assertEquals(Tension.of(new Tension.Inputs(1, 3, 3, ageA1, 2, 2)), welders1.get("tension"));
        Map<String, Object> maintenance1 = row(json, M1.toString(), "I1304");
        assertEquals(1, maintenance1.get("declaredNeeds"));
        assertEquals(1, maintenance1.get("openPositions"));
        assertEquals(0.0f, maintenance1.get("difficultShare"));
        assertEquals("Installation et maintenance", maintenance1.get("familyName"));
        // Readable by label: the ROME referential's official label of each job.
        assertEquals("Installation et maintenance d'équipements industriels et d'exploitation",
                maintenance1.get("jobLabel"));
        assertEquals("Soudage manuel", welders1.get("jobLabel"));

        // This month: C filled today, so no tension for maintenance; its ended positions were all filled.
        Map<String, Object> maintenance = row(json, M.toString(), "I1304");
        assertEquals(0, maintenance.get("openPositions"));
        assertEquals(null, maintenance.get("tension"));
        assertEquals(0.0f, maintenance.get("unfilledShare"));
        Map<String, Object> welders = row(json, M.toString(), "H2913");
        assertEquals(((Number) days(M2.atDay(5), today())).doubleValue(),
                ((Number) welders.get("averageAgeDays")).doubleValue(), 0.05);
        assertTrue((Integer) welders.get("tension") > (Integer) welders2.get("tension"),
                "the welders' need got older and the other one expired unfilled");
    }

    @Test
    void otherAreasFamiliesAndTheCsvExport() {
        given().auth().oauth2(partner()).queryParam("level", "DEPARTEMENT").queryParam("area", "44")
                .queryParam("by", "FAMILY").queryParam("from", M1.toString()).queryParam("to", M1.toString())
                .when().get("/api/recruitment/indicators")
                .then().statusCode(200)
                .body("rows.job", contains("H", "I"), "rows.areaName", contains("Loire-Atlantique", "Loire-Atlantique"),
                        "rows.openPositions", contains(3, 1), "rows.familyName", contains("Industrie",
                                "Installation et maintenance"), "rows[0].jobLabel", equalTo(null));
        given().auth().oauth2(partner()).queryParam("level", "EPCI").queryParam("area", "244400644")
                .queryParam("by", "NONE").queryParam("from", M1.toString()).queryParam("to", M1.toString())
                .when().get("/api/recruitment/indicators")
                .then().statusCode(200).body("rows.job", contains("*"), "rows.openPositions", contains(1),
                        "rows[0].areaName", equalTo("CA de la Région Nazairienne et de l'Estuaire (CARENE)"));
        given().auth().oauth2(partner()).queryParam("level", "NATIONAL").queryParam("by", "NONE")
                .queryParam("from", M.toString())
                .when().get("/api/recruitment/indicators")
                .then().statusCode(200).body("rows.area", contains("FR"), "rows.areaName", contains("France"));

        String csv = given().auth().oauth2(partner()).queryParam("area", territory).queryParam("family", "H")
                .queryParam("from", M2.toString()).queryParam("to", M1.toString()).queryParam("format", "csv")
                .when().get("/api/recruitment/indicators")
                .then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("recruitment-indicators-territory-"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(IndicatorCsv.HEADER, lines.get(0));
        assertEquals(3, lines.size(), csv);
        assertTrue(lines.get(2).startsWith(M1 + ";TERRITORY;" + territory + ";Territoire " + territory
                + ";ROME;H2913;Industrie;0;0;1;3;1;1.00;1.00;"), lines.get(2));
    }

    @Test
    void theMostTenseJobsOfAnAreaComeFirst() {
        given().auth().oauth2(partner()).queryParam("area", territory).queryParam("month", M1.toString())
                .when().get("/api/recruitment/indicators/shortage-jobs")
                .then().statusCode(200).body("jobs.job", contains("H2913", "I1304"), "month", equalTo(M1.toString()),
                        "formula", org.hamcrest.Matchers.startsWith("tension = 100 x mean(difficulty, duration, unfilled)"));
        given().auth().oauth2(partner()).queryParam("area", territory).queryParam("month", M1.toString())
                .queryParam("limit", 1)
                .when().get("/api/recruitment/indicators/shortage-jobs")
                .then().statusCode(200).body("jobs.job", contains("H2913"), "jobs[0].tension", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(partner()).queryParam("area", "ti-nowhere")
                .when().get("/api/recruitment/indicators/shortage-jobs")
                .then().statusCode(200).body("jobs.size()", equalTo(0));
    }

    @Test
    void badParametersAreNamed() {
        String[][] cases = {
                {"level", "GALAXY"}, {"by", "SALARY"}, {"from", "2026-13"}, {"to", M.plusMonths(1).toString()},
                {"romeCode", "Z12"}, {"family", "Q"}, {"format", "xlsx"},
        };
        for (String[] c : cases) {
            given().auth().oauth2(partner()).queryParam(c[0], c[1]).when().get("/api/recruitment/indicators")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(c[0]));
        }
        given().auth().oauth2(partner()).queryParam("from", M.toString()).queryParam("to", M1.toString())
                .when().get("/api/recruitment/indicators").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(partner()).queryParam("from", M.minusMonths(40).toString())
                .when().get("/api/recruitment/indicators").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(partner()).when().get("/api/recruitment/indicators/shortage-jobs")
                .then().statusCode(400).body("errors[0].field", equalTo("area"));
        given().auth().oauth2(partner()).queryParam("area", territory).queryParam("limit", 0)
                .when().get("/api/recruitment/indicators/shortage-jobs")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/recruitment/indicators").then().statusCode(401);
        given().auth().oauth2(partner()).queryParam("area", territory).when().get("/api/recruitment/indicators")
                .then().statusCode(200).body("from", equalTo(M.minusMonths(11).toString()), "to", equalTo(M.toString()),
                        "rows.find { it.month == '" + M + "' && it.job == 'I1304' }.tension", nullValue());
    }
}
