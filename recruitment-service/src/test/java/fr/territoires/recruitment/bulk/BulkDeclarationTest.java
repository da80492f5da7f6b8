package fr.territoires.recruitment.bulk;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static fr.territoires.recruitment.RecruitmentFixtures.admin;
import static fr.territoires.recruitment.RecruitmentFixtures.company;
import static fr.territoires.recruitment.RecruitmentFixtures.eventTypes;
import static fr.territoires.recruitment.RecruitmentFixtures.labelled;
import static fr.territoires.recruitment.RecruitmentFixtures.manager;
import static fr.territoires.recruitment.RecruitmentFixtures.needs;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static fr.territoires.recruitment.RecruitmentFixtures.outbox;
import static fr.territoires.recruitment.RecruitmentFixtures.partner;
import static fr.territoires.recruitment.RecruitmentFixtures.registeredCompany;
import static fr.territoires.recruitment.RecruitmentFixtures.siret;
import static fr.territoires.recruitment.RecruitmentFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many needs from one CSV file: all declared with a report per row, or none and every bad line named. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class BulkDeclarationTest {

    private static final String TOULOUSE = "31555";
    private static final String BLAGNAC = "31069";
    private static final String HEADER = "siret;rome_code;job_title;headcount;contract_type;qualification_level;"
            + "start_date;deadline;hours_per_week;filled_count;skills;work_study;difficult;difficulty_reasons;"
            + "company_name;naf_code;commune;size_band";
    private static String territory;

    private static synchronized String territory() {
        if (territory == null) {
            territory = labelled(newCode("b"), TOULOUSE, BLAGNAC);
        }
        return territory;
    }

    private static String start() {
        return today().plusDays(14).toString();
    }

    private static String deadline() {
        return today().plusDays(120).toString();
    }

    private static long companies() {
        return DB.count("SELECT count(*) FROM company");
    }

    @Test
    void aFileIsDeclaredWholeWithAReportPerRowAndItsNewCompaniesRegistered() {
        String code = territory();
        String known = registeredCompany(TOULOUSE);
        String fresh = siret();
        String csv = "\uFEFF" + HEADER + "\n"
                + known + ";H2913;Soudeur TIG;3;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;TIG|MIG;oui;"
                + "oui;CANDIDATE_SHORTAGE|SKILLS_MISMATCH;;;;\n"
                + fresh + ";I1304;\"Technicien de maintenance; électromécanique\";2;cdi;TECHNICIAN;" + start() + ";"
                + deadline() + ";37,5;1;;non;non;;Aéro-mécanique du Touch (test);33.16Z;" + BLAGNAC + ";MEDIUM\n"
                + "\n"
                + fresh + ";N1101;Cariste;1;TEMPORARY;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;;;;;;;\n";
        long before = needs();
        given().auth().oauth2(manager(code)).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/recruitment/needs/import")
                .then().statusCode(200)
                .body("rows", equalTo(3), "declared", equalTo(3), "companiesRegistered", equalTo(1),
                        "positions", equalTo(6), "lines.line", contains(2, 3, 5),
                        "lines.romeCode", contains("H2913", "I1304", "N1101"),
                        "lines.companyRegistered", contains(false, true, false),
                        "lines.outcome", contains("DECLARED", "DECLARED", "DECLARED"));
        assertEquals(before + 3, needs());
        given().auth().oauth2(partner()).queryParam("siret", fresh).when().get("/api/recruitment/needs")
                .then().statusCode(200)
                .body("items.jobTitle", contains("Technicien de maintenance; électromécanique", "Cariste"),
                        "items.status", contains("PARTIALLY_FILLED", "OPEN"),
                        "items.hoursPerWeek", contains(37.5f, 35.0f),
                        "items.commune", contains(BLAGNAC, BLAGNAC));
        given().auth().oauth2(partner()).when().get("/api/recruitment/companies/" + fresh)
                .then().statusCode(200).body("name", equalTo("Aéro-mécanique du Touch (test)"), "territory", equalTo(code));
        assertEquals(3, eventTypes(code).stream().filter("need-published.v1"::equals).count());
    }

    @Test
    void oneBadRowRefusesTheFileNamingEveryBadLineAndNothingIsStored() {
        String code = territory();
        String known = registeredCompany(TOULOUSE);
        String stranger = siret();
        String csv = HEADER + "\n"
                + known + ";H2913;Soudeur;3;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;;;;;;;\n"
                + "73282932000075;H2913;Soudeur;3;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;;;;;;;\n"
                + known + ";Z9999;Inconnu;3;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;;;;;;;\n"
                + known + ";H2913;Soudeur;0;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;;;;;;;\n"
                + known + ";H2913;Soudeur;2;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;3;;;;;;;;\n"
                + known + ";H2913;Soudeur;2;CDI;SKILLED_WORKER;" + deadline() + ";" + start() + ";35;;;;;;;;;\n"
                + stranger + ";H2913;Soudeur;2;CDI;SKILLED_WORKER;" + start() + ";" + deadline()
                + ";35;;;;;;Ailleurs;25.11Z;13055;SMALL\n"
                + known + ";H2913;Soudeur;lots;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;peut-être;;;;;;\n"
                + siret() + ";H2913;Soudeur;2;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;;;;;;;\n";
        long needs = needs();
        long companies = companies();
        long events = outbox();
        given().auth().oauth2(manager(code)).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/recruitment/needs/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:territoires:problem:bulk-declaration-rejected"),
                        "detail", equalTo("8 of 9 rows cannot be declared; nothing was stored"),
                        "errors.field", hasItems("line 3: siret", "line 4: rome_code", "line 5: headcount",
                                "line 6: filled_count", "line 7: deadline", "line 8: commune", "line 9: headcount",
                                "line 9: work_study", "line 10: siret"),
                        "errors.find { it.field == 'line 8: commune' }.message",
                        equalTo("lies outside every labelled territory known to the platform"),
                        "errors.find { it.field == 'line 4: rome_code' }.message",
                        equalTo("has no ROME family Z: the families are A to N"));
        assertEquals(needs, needs());
        assertEquals(companies, companies());
        assertEquals(events, outbox());
    }

    @Test
    void eachRowFollowsTheCallersScope() {
        territory();
        String mine = registeredCompany(TOULOUSE);
        String theirs = registeredCompany(BLAGNAC);
        String csv = HEADER + "\n"
                + mine + ";H2913;Soudeur;1;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;;;;;;;\n"
                + theirs + ";H2913;Soudeur;1;CDI;SKILLED_WORKER;" + start() + ";" + deadline() + ";35;;;;;;;;;\n";
        long before = needs();
        given().auth().oauth2(company(mine)).contentType("text/csv").body(csv)
                .when().post("/api/recruitment/needs/import")
                .then().statusCode(422).body("errors.field", contains("line 3: siret"),
                        "errors[0].message", org.hamcrest.Matchers.startsWith("Your role or scope (SIREN "));
        given().auth().oauth2(partner()).contentType("text/csv").body(csv)
                .when().post("/api/recruitment/needs/import").then().statusCode(403);
        assertEquals(before, needs());
    }

    @Test
    void anUnusableFileIsRefusedAsAWhole() {
        territory();
        for (String[] c : List.of(
                new String[] {"", "is empty; expected a header with siret;rome_code;job_title;headcount;contract_type;"
                        + "qualification_level;start_date;deadline;hours_per_week"},
                new String[] {"siret;rome_code\n1;2\n", "the header has no column job_title"},
                new String[] {HEADER + ";salary\n", "unknown column salary (known: siret, rome_code, job_title, headcount, "
                        + "contract_type, qualification_level, start_date, deadline, hours_per_week, filled_count, skills, "
                        + "work_study, difficult, difficulty_reasons, difficulty_comment, company_name, naf_code, commune, "
                        + "size_band, territory)"},
                new String[] {HEADER + "\n", "has a header but no row"})) {
            given().auth().oauth2(manager(territory())).contentType("text/csv").body(c[0])
                    .when().post("/api/recruitment/needs/import")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("file"), "errors.message", hasItems(c[1]));
        }
        given().auth().oauth2(manager(territory())).contentType("text/csv").body(new byte[] {(byte) 0xC3, (byte) 0x28})
                .when().post("/api/recruitment/needs/import")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));
    }

    /**
     * Each row's event takes its territory's lock (the outbox's per-key order), held until the file's
     * transaction ends. Taken in file order, two files naming two territories in opposite orders
     * deadlocked (PostgreSQL aborted one of them); taken in code order first, both are declared.
     */
    @Test
    void twoFilesNamingTheSameTerritoriesInOppositeOrdersAreBothDeclared() throws Exception {
        String west = labelled(newCode("bw"), BREST);
        String north = labelled(newCode("bn"), ROUEN);
        String inWest = registeredCompany(BREST);
        String inNorth = registeredCompany(ROUEN);
        int rows = 20;
        String westFirst = alternating(inWest, inNorth, rows);
        String northFirst = alternating(inNorth, inWest, rows);
        String keys = "SELECT count(*) FROM outbox_event WHERE event_key IN (?, ?)";
        long before = DB.count(keys, west, north);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                Future<String> one = pool.submit(() -> upload(westFirst));
                Future<String> two = pool.submit(() -> upload(northFirst));
                assertEquals("200", one.get(), "west first, round " + round);
                assertEquals("200", two.get(), "north first, round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(before + 3 * 2 * rows, DB.count(keys, west, north));
    }

    private static final String BREST = "29019";
    private static final String ROUEN = "76540";

    /** A file of needs of two companies, one row each in turn, the first company first. */
    private static String alternating(String first, String second, int rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            csv.append(i % 2 == 0 ? first : second).append(";H2913;Soudeur ").append(i).append(";1;CDI;SKILLED_WORKER;")
                    .append(start()).append(';').append(deadline()).append(";35;;;;;;;;;\n");
        }
        return csv.toString();
    }

    /** The status, and the problem's detail when it is not 200. */
    private static String upload(String csv) {
        var response = given().auth().oauth2(admin()).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/recruitment/needs/import");
        return response.statusCode() == 200 ? "200" : response.statusCode() + " " + response.asString();
    }
}
