package fr.territoires.funding.report;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static fr.territoires.funding.FundingFixtures.manager;
import static fr.territoires.funding.FundingFixtures.officer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.SecuredEndpointContract;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reports on real data made through the API. The database is shared with the other test
 * classes: every assertion is narrowed to this test's own territories and envelopes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ReportResourceTest extends SecuredEndpointContract {

    private static final String ANCT_SIRET = "13002603200016";
    private static final String CSV = "text/csv;charset=UTF-8";

    @Override
    protected String securedPath() {
        return "/api/funding/reports/envelopes";
    }

    /**
     * A Grand Est territory's project (eligible cost 140,000 €, 12 jobs created, 30 kept, 250,000 €
     * private investment) asks the State for 85,000 € (innovate) and the Region for 25,000 €
     * (recruit); each funder approves its line (MoneyRules): the programme team 85,000 €, the Region
     * 20,000 €. The State pays an advance of 25,500 € today, records an instalment of 40,000 € paid
     * last year (payments are never dated ahead), and takes 5,000 € of it back.
     */
    record Funded(String territory, UUID state, String stateName, UUID region, String regionName, UUID application,
            String stateCommitment, String regionCommitment, int year, LocalDate today) {
    }

    private static Funded funded() {
        LocalDate today = FundingFixtures.today();
        String territory = FundingFixtures.labelledInGrandEst();
        String stateName = "Fonds industrie " + UUID.randomUUID();
        Map<String, Object> stateBody = FundingFixtures.nationalEnvelope(stateName, "1000000.00");
        stateBody.put("funderSiret", ANCT_SIRET);
        UUID state = FundingFixtures.openEnvelope(stateBody);
        String regionName = "Grand Est emploi " + UUID.randomUUID();
        UUID region = FundingFixtures.openEnvelope(Map.of("funder", "REGION", "region", "44", "name", regionName,
                "priority", "RECRUIT", "scope", "REGION", "scopeRegion", "44", "firstYear", FundingFixtures.FIRST_YEAR, "lastYear", FundingFixtures.LAST_YEAR,
                "ceiling", new BigDecimal("50000.00")));
        Map<UUID, String> plan = new LinkedHashMap<>();
        plan.put(state, "85000.00");
        plan.put(region, "25000.00");
        UUID application = FundingFixtures.underReview(FundingFixtures.application(territory, new BigDecimal("140000.00"),
                false, plan));
        api(admin()).body(Map.of("decision", "APPROVED", "approved", List.of(
                Map.of("envelopeId", state.toString(), "amount", new BigDecimal("85000.00")))))
                .when().post("/api/funding/applications/" + application + "/decision").then().statusCode(200);
        api(officer("44")).body(Map.of("decision", "APPROVED", "approved", List.of(
                Map.of("envelopeId", region.toString(), "amount", new BigDecimal("20000.00")))))
                .when().post("/api/funding/applications/" + application + "/decision").then().statusCode(200);
        String stateCommitment = commitment(application, state);
        String regionCommitment = commitment(application, region);
        pay(stateCommitment, "ADVANCE", "25500.00", today);
        String instalment = pay(stateCommitment, "INSTALMENT", "40000.00", LocalDate.of(today.getYear() - 1, 2, 10));
        api(admin()).body(Map.of("amount", new BigDecimal("5000.00"), "reason", "Ineligible expenses at audit"))
                .when().post("/api/funding/payments/" + instalment + "/reversals").then().statusCode(201);
        return new Funded(territory, state, stateName, region, regionName, application, stateCommitment, regionCommitment,
                today.getYear(), today);
    }

    private static String commitment(UUID application, UUID envelope) {
        return DB.rows("SELECT id::text AS id FROM commitment WHERE application_id = ? AND envelope_id = ?", application,
                envelope).get(0).get("id").toString();
    }

    private static String pay(String commitment, String kind, String amount, LocalDate on) {
        return api(admin()).body(Map.of("kind", kind, "amount", new BigDecimal(amount), "paidOn", on.toString()))
                .when().post("/api/funding/commitments/" + commitment + "/payments").then().statusCode(201)
                .extract().path("id");
    }

    /** A project of one envelope, approved as asked. */
    private static UUID approved(String territory, UUID envelope, String amount) {
        UUID id = FundingFixtures.underReview(FundingFixtures.application(territory, new BigDecimal("100000.00"), false,
                Map.of(envelope, amount)));
        api(admin()).body(Map.of("decision", "APPROVED")).when().post("/api/funding/applications/" + id + "/decision")
                .then().statusCode(200);
        return id;
    }

    private static List<String> lines(String csv) {
        assertTrue(csv.endsWith("\r\n"), "CSV lines end with CRLF");
        return Arrays.asList(csv.split("\r\n"));
    }

    private static String lineWith(List<String> lines, String text) {
        List<String> found = lines.stream().filter(l -> l.contains(text)).toList();
        assertEquals(1, found.size(), "one line with " + text);
        return found.get(0);
    }

    @Test
    void theEnvelopesReportGivesEachEnvelopesBalancesAsJsonAndCsv() {
        Funded f = funded();
        api(TestTokens.partner()).queryParam("q", f.stateName()).when().get("/api/funding/reports/envelopes")
                .then().statusCode(200).body("total", equalTo(1), "items[0].id", equalTo(f.state().toString()),
                        "items[0].funder", equalTo("STATE_ANCT"), "items[0].name", equalTo(f.stateName()),
                        "items[0].priority", equalTo("INNOVATE"), "items[0].ceiling", equalTo(new BigDecimal("1000000.00")),
                        "items[0].committed", equalTo(new BigDecimal("85000.00")),
                        "items[0].paid", equalTo(new BigDecimal("60500.00")),
                        "items[0].available", equalTo(new BigDecimal("915000.00")), "items[0].status", equalTo("OPEN"));
        api(officer("84")).queryParam("q", f.regionName()).queryParam("funder", "REGION").queryParam("priority", "RECRUIT")
                .when().get("/api/funding/reports/envelopes")
                .then().statusCode(200).body("total", equalTo(1), "items[0].region", equalTo("44"),
                        "items[0].committed", equalTo(new BigDecimal("20000.00")),
                        "items[0].paid", equalTo(new BigDecimal("0.00")),
                        "items[0].available", equalTo(new BigDecimal("30000.00")));

        String csv = api(TestTokens.partner()).queryParam("format", "csv").when().get("/api/funding/reports/envelopes")
                .then().statusCode(200).contentType(CSV).extract().asString();
        List<String> lines = lines(csv);
        assertEquals("id,funder,region,name,priority,firstYear,lastYear,ceiling,committed,paid,available,status", lines.get(0));
        assertEquals(f.state() + ",STATE_ANCT,," + f.stateName() + ",INNOVATE," + FundingFixtures.FIRST_YEAR + "," + FundingFixtures.LAST_YEAR + ",1000000.00,85000.00,60500.00,"
                + "915000.00,OPEN", lineWith(lines, f.state().toString()));
        assertEquals(f.region() + ",REGION,44," + f.regionName() + ",RECRUIT," + FundingFixtures.FIRST_YEAR + "," + FundingFixtures.LAST_YEAR + ",50000.00,20000.00,0.00,30000.00,OPEN",
                lineWith(lines, f.region().toString()));
    }

    @Test
    void theSummaryCountsApprovedProjectsMoneyJobsAndLeverage() {
        Funded f = funded();
        String summary = "/api/funding/reports/summary";
        api(admin()).queryParam("by", "territory").queryParam("territory", f.territory()).when().get(summary)
                .then().statusCode(200).body("by", equalTo("territory"), "groups.key", contains(f.territory()),
                        "groups[0].label", equalTo("Territoire " + f.territory()),
                        "groups[0].approvedApplications", equalTo(1),
                        "groups[0].committed", equalTo(new BigDecimal("105000.00")),
                        "groups[0].paid", equalTo(new BigDecimal("60500.00")),
                        "groups[0].jobsCreated", equalTo(12), "groups[0].jobsKept", equalTo(30),
                        "groups[0].privateInvestment", equalTo(new BigDecimal("250000.00")),
                        "groups[0].leverage", equalTo(new BigDecimal("2.38")),
                        "total.committed", equalTo(new BigDecimal("105000.00")), "total.leverage", equalTo(new BigDecimal("2.38")));

        // Co-financed: the project counts for each priority it is funded under, once in the total.
        api(TestTokens.partner()).queryParam("by", "priority").queryParam("territory", f.territory()).when().get(summary)
                .then().statusCode(200).body("groups.key", contains("RECRUIT", "INNOVATE", "ATTRACT", "SIMPLIFY"),
                        "groups[0].committed", equalTo(new BigDecimal("20000.00")), "groups[0].paid", equalTo(new BigDecimal("0.00")),
                        "groups[0].approvedApplications", equalTo(1), "groups[0].leverage", equalTo(new BigDecimal("12.50")),
                        "groups[1].committed", equalTo(new BigDecimal("85000.00")), "groups[1].paid", equalTo(new BigDecimal("60500.00")),
                        "groups[1].leverage", equalTo(new BigDecimal("2.94")),
                        "groups[2].approvedApplications", equalTo(0), "groups[2].leverage", nullValue(),
                        "total.approvedApplications", equalTo(1), "total.jobsCreated", equalTo(12));
        api(officer("84")).queryParam("by", "FUNDER").queryParam("territory", f.territory()).when().get(summary)
                .then().statusCode(200).body("groups.find { it.key == 'STATE_ANCT' }.committed", equalTo(new BigDecimal("85000.00")),
                        "groups.find { it.key == 'REGION' }.committed", equalTo(new BigDecimal("20000.00")),
                        "groups.find { it.key == 'REGION' }.label", equalTo("Régions"),
                        "groups.find { it.key == 'ADEME' }.committed", equalTo(new BigDecimal("0.00")));

        // By year: committed in the commitment's year, paid in the fiscal year of each payment; the
        // reversal counts in the year of the instalment it takes back.
        String previous = String.valueOf(f.year() - 1);
        api(admin()).queryParam("by", "year").queryParam("territory", f.territory()).when().get(summary)
                .then().statusCode(200).body("groups.key", contains(previous, String.valueOf(f.year())),
                        "groups[1].committed", equalTo(new BigDecimal("105000.00")), "groups[1].paid", equalTo(new BigDecimal("25500.00")),
                        "groups[1].approvedApplications", equalTo(1),
                        "groups[0].committed", equalTo(new BigDecimal("0.00")), "groups[0].paid", equalTo(new BigDecimal("35000.00")),
                        "groups[0].approvedApplications", equalTo(0), "groups[0].leverage", nullValue());
        api(admin()).queryParam("by", "territory").queryParam("territory", f.territory()).queryParam("year", previous)
                .when().get(summary)
                .then().statusCode(200).body("year", equalTo(f.year() - 1), "groups[0].committed", equalTo(new BigDecimal("0.00")),
                        "groups[0].paid", equalTo(new BigDecimal("35000.00")), "total.approvedApplications", equalTo(0));

        String csv = api(admin()).queryParam("by", "priority").queryParam("territory", f.territory())
                .queryParam("format", "csv").when().get(summary).then().statusCode(200).contentType(CSV).extract().asString();
        assertEquals(List.of("priority,label,approvedApplications,committed,paid,jobsCreated,jobsKept,privateInvestment,leverage",
                "RECRUIT,Recruter,1,20000.00,0.00,12,30,250000.00,12.50",
                "INNOVATE,Innover,1,85000.00,60500.00,12,30,250000.00,2.94",
                "ATTRACT,Attirer,0,0.00,0.00,0,0,0.00,",
                "SIMPLIFY,Simplifier,0,0.00,0.00,0,0,0.00,"), lines(csv));
    }

    @Test
    void aTerritoryInTwoRegionsCountsInEachRegion() {
        Funded lorraine = funded();
        // Pont-à-Mousson (Grand Est) and Bourg-en-Bresse (Auvergne-Rhône-Alpes).
        String border = FundingFixtures.territory("LABELLED", List.of("54431", "01053"));
        approved(border, FundingFixtures.openEnvelope("100000.00"), "10000.00");
        String summary = "/api/funding/reports/summary";
        api(admin()).queryParam("by", "region").queryParam("territory", border).when().get(summary)
                .then().statusCode(200).body("groups.key", contains("44", "84"),
                        "groups.label", contains("Grand Est", "Auvergne-Rhône-Alpes"),
                        "groups.committed", contains(new BigDecimal("10000.00"), new BigDecimal("10000.00")),
                        "total.committed", equalTo(new BigDecimal("10000.00")), "total.approvedApplications", equalTo(1));
        api(admin()).queryParam("by", "territory").queryParam("region", "84").when().get(summary)
                .then().statusCode(200).body("region", equalTo("84"), "groups.key", hasItem(border),
                        "groups.key", not(hasItem(lorraine.territory())));
        String csv = api(admin()).queryParam("by", "region").queryParam("territory", border).queryParam("format", "csv")
                .when().get(summary).then().statusCode(200).extract().asString();
        assertEquals(List.of("region,label,approvedApplications,committed,paid,jobsCreated,jobsKept,privateInvestment,leverage",
                "44,Grand Est,1,10000.00,0.00,12,30,250000.00,25.00",
                "84,Auvergne-Rhône-Alpes,1,10000.00,0.00,12,30,250000.00,25.00"), lines(csv));
    }

    @Test
    void aTerritorysReportGivesItsFundingByPriorityToThoseWhoMayReadIt() {
        Funded f = funded();
        String path = "/api/funding/reports/territories/" + f.territory();
        api(manager(f.territory())).when().get(path)
                .then().statusCode(200).body("territory", equalTo(f.territory()), "status", equalTo("LABELLED"),
                        "regions", contains("44"),
                        "priorities.priority", contains("RECRUIT", "INNOVATE", "ATTRACT", "SIMPLIFY"),
                        "priorities[0].committed", equalTo(new BigDecimal("20000.00")),
                        "priorities[0].paid", equalTo(new BigDecimal("0.00")),
                        "priorities[0].approvedApplications", equalTo(1),
                        "priorities[1].committed", equalTo(new BigDecimal("85000.00")),
                        "priorities[1].paid", equalTo(new BigDecimal("60500.00")),
                        "priorities[1].approvedApplications", equalTo(1),
                        "priorities[3].committed", equalTo(new BigDecimal("0.00")),
                        "priorities[3].approvedApplications", equalTo(0),
                        "total.committed", equalTo(new BigDecimal("105000.00")),
                        "total.paid", equalTo(new BigDecimal("60500.00")), "total.approvedApplications", equalTo(1),
                        "total.jobsCreated", equalTo(12), "total.jobsKept", equalTo(30),
                        "total.privateInvestment", equalTo(new BigDecimal("250000.00")),
                        "total.leverage", equalTo(new BigDecimal("2.38")));
        api(officer("44")).queryParam("year", f.year() - 1).when().get(path)
                .then().statusCode(200).body("year", equalTo(f.year() - 1), "total.committed", equalTo(new BigDecimal("0.00")),
                        "total.paid", equalTo(new BigDecimal("35000.00")), "total.leverage", nullValue());
        api(TestTokens.partner()).when().get(path).then().statusCode(200);
        api(admin()).when().get(path).then().statusCode(200);

        api(officer("84")).when().get(path).then().statusCode(403).contentType("application/problem+json");
        api(manager("ti-elsewhere")).when().get(path).then().statusCode(403);
        api(TestTokens.user("company").roles("company").siren("552081317").token()).when().get(path).then().statusCode(403);
        given().when().get(path).then().statusCode(401);
        api(admin()).when().get("/api/funding/reports/territories/ti-nowhere")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        api(admin()).queryParam("year", "last").when().get(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("year"));
    }

    @Test
    void theScdlExportHasTheSchemasColumnsAndOneRowPerGrant() {
        Funded f = funded();
        // Another territory: a grant settled by a single payment, and one wholly released (no grant any more).
        String other = FundingFixtures.labelledInGrandEst();
        Map<String, Object> body = FundingFixtures.nationalEnvelope("Fonds solde " + UUID.randomUUID(), "100000.00");
        body.put("funderSiret", ANCT_SIRET);
        UUID envelope = FundingFixtures.openEnvelope(body);
        String settled = commitment(approved(other, envelope, "10000.00"), envelope);
        pay(settled, "BALANCE", "10000.00", f.today());
        UUID releasedEnvelope = FundingFixtures.openEnvelope("100000.00");
        String released = commitment(approved(other, releasedEnvelope, "3000.00"), releasedEnvelope);
        api(admin()).body(Map.of("amount", new BigDecimal("3000.00"), "reason", "Project abandoned"))
                .when().post("/api/funding/commitments/" + released + "/decommitments").then().statusCode(200);

        String csv = api(TestTokens.partner()).when().get("/api/funding/reports/scdl")
                .then().statusCode(200).contentType(CSV).extract().asString();
        List<String> lines = lines(csv);
        assertEquals("nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,objet,montant,"
                + "nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention", lines.get(0));
        String today = f.today().toString();
        assertEquals("Agence nationale de la cohésion des territoires," + ANCT_SIRET + "," + today + "," + f.stateCommitment()
                + ",Exemple Industries,55208131766522,Industrial project,85000.00,aide en numéraire,échelonné,"
                + LocalDate.of(f.year() - 1, 2, 10) + "/" + FundingFixtures.LAST_YEAR + "-12-31,,non,1.00", lineWith(lines, f.stateCommitment()));
        assertEquals("Région Grand Est,," + today + "," + f.regionCommitment() + ",Exemple Industries,55208131766522,"
                + "Industrial project,20000.00,aide en numéraire,échelonné," + today + "/" + FundingFixtures.LAST_YEAR + "-12-31,,non,1.00",
                lineWith(lines, f.regionCommitment()));
        assertEquals("Agence nationale de la cohésion des territoires," + ANCT_SIRET + "," + today + "," + settled
                + ",Exemple Industries,55208131766522,Industrial project,10000.00,aide en numéraire,unique," + today
                + ",,non,1.00", lineWith(lines, settled));
        assertFalse(csv.contains(released), "a wholly released commitment is no grant");

        String regions = api(admin()).queryParam("funder", "REGION").queryParam("year", f.year())
                .when().get("/api/funding/reports/scdl").then().statusCode(200).extract().asString();
        assertTrue(regions.contains(f.regionCommitment()));
        assertFalse(regions.contains(f.stateCommitment()));
        assertFalse(api(admin()).queryParam("year", f.year() - 1).when().get("/api/funding/reports/scdl")
                .then().statusCode(200).extract().asString().contains(f.regionCommitment()));
    }

    @Test
    void nationalReportsAreForTheProgrammeItsPartnersAndTheRegions() {
        String territory = FundingFixtures.labelledInGrandEst();
        for (String path : List.of("/api/funding/reports/envelopes", "/api/funding/reports/summary?by=funder",
                "/api/funding/reports/scdl")) {
            api(TestTokens.partner()).when().get(path).then().statusCode(200);
            api(officer("84")).when().get(path).then().statusCode(200);
            api(admin()).when().get(path).then().statusCode(200);
            api(manager(territory)).when().get(path).then().statusCode(403).contentType("application/problem+json");
            api(TestTokens.user("company").roles("company").siren("552081317").token()).when().get(path)
                    .then().statusCode(403);
            given().when().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("/api/funding/reports/summary", "by");
        bad.put("/api/funding/reports/summary?by=commune", "by");
        bad.put("/api/funding/reports/summary?by=region&format=xlsx", "format");
        bad.put("/api/funding/reports/summary?by=year&year=1800", "year");
        bad.put("/api/funding/reports/summary?by=year&region=99", "region");
        bad.put("/api/funding/reports/summary?by=year&territory=%27%3Bdrop", "territory");
        bad.put("/api/funding/reports/envelopes?format=pdf", "format");
        bad.put("/api/funding/reports/envelopes?funder=CITY", "funder");
        bad.put("/api/funding/reports/envelopes?status=open", "status");
        bad.put("/api/funding/reports/envelopes?page=-1", "page");
        bad.put("/api/funding/reports/envelopes?size=1000&format=csv", "size");
        bad.put("/api/funding/reports/scdl?year=soon", "year");
        bad.put("/api/funding/reports/scdl?funder=MAIRIE", "funder");
        bad.forEach((path, field) -> api(admin()).urlEncodingEnabled(false).when().get(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field)));
    }
}
