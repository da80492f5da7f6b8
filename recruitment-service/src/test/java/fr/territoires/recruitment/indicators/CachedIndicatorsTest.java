package fr.territoires.recruitment.indicators;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static fr.territoires.recruitment.RecruitmentFixtures.admin;
import static fr.territoires.recruitment.RecruitmentFixtures.labelled;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static fr.territoires.recruitment.RecruitmentFixtures.partner;
import static fr.territoires.recruitment.RecruitmentFixtures.registeredCompany;
import static fr.territoires.recruitment.RecruitmentFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.recruitment.RecruitmentFixtures;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's indicators (the month's series and its shortage jobs) answer from memory between changes
 * (issue #16) and are never staler than the database: a change committed by anyone — this service, another
 * replica, an operator's SQL — shows in the next read. The changes below are made in SQL, behind the service's
 * back, as another replica's would be.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CachedIndicatorsTest {

    /*
     * One commune per test, in no other test class: a company's commune must lie in one territory only, and the
     * test database is shared by every class of the module.
     */
    private static final String QUIMPER = "29232";
    private static final String VANNES = "56260";
    private static final String SAINT_BRIEUC = "22278";
    private static final String LA_ROCHE_SUR_YON = "85191";
    private static final String LE_MANS = "72181";
    private static final String LAVAL = "53130";
    private static final YearMonth M = YearMonth.from(today());

    private static long revision() {
        return DB.count("SELECT revision FROM read_revision WHERE id = 1");
    }

    /** A labelled territory with one need declared today: 3 welders (H2913), difficult. */
    private static Declared declaredToday(String commune) {
        String territory = labelled(newCode("ci"), commune);
        String need = RecruitmentFixtures.declared(admin(), RecruitmentFixtures.needBody(registeredCompany(commune)));
        return new Declared(territory, commune, need);
    }

    record Declared(String territory, String commune, String need) {
    }

    /** What the dashboard asks: the month, all jobs together. */
    private static ValidatableResponse month(String territory) {
        return given().auth().oauth2(partner()).queryParam("level", "TERRITORY").queryParam("by", "NONE")
                .queryParam("area", territory).queryParam("from", M.toString()).queryParam("to", M.toString())
                .when().get("/api/recruitment/indicators").then().statusCode(200);
    }

    private static ValidatableResponse shortage(String territory, int limit) {
        return given().auth().oauth2(partner()).queryParam("level", "TERRITORY").queryParam("limit", limit)
                .queryParam("area", territory).when().get("/api/recruitment/indicators/shortage-jobs")
                .then().statusCode(200);
    }

    @Test
    void aChangeCommittedElsewhereShowsAtTheNextRead() {
        Declared d = declaredToday(QUIMPER);
        for (int i = 0; i < 2; i++) {
            month(d.territory()).body("rows.job", contains("*"), "rows[0].openPositions", equalTo(3),
                    "rows[0].areaName", equalTo("Territoire " + d.territory()));
            shortage(d.territory(), 5).body("jobs.job", contains("H2913"), "jobs[0].openPositions", equalTo(3));
        }

        DB.rows("UPDATE need_change SET headcount = 5 WHERE need_id = ?::uuid", d.need());
        month(d.territory()).body("rows[0].openPositions", equalTo(5));
        shortage(d.territory(), 5).body("jobs[0].openPositions", equalTo(5));

        // the replica's territory (names) bumps too: a territory event applied by another replica
        DB.rows("UPDATE territory SET name = 'Renommé ailleurs' WHERE code = ?", d.territory());
        month(d.territory()).body("rows[0].areaName", equalTo("Renommé ailleurs"));
    }

    @Test
    void theSeriesIsKeptUntilTheRevisionMoves() {
        Declared d = declaredToday(VANNES);
        month(d.territory()).body("rows[0].openPositions", equalTo(3));
        // a change that takes the revision back by one before its commit bumps it: the counter does not move,
        // so the read answers from memory, from before the change (what only the counter can tell it)
        long before = revision();
        DB.rows("DO $$ BEGIN "
                + "UPDATE need_change SET headcount = 8 WHERE need_id = '" + d.need() + "'; "
                + "UPDATE read_revision SET revision = revision - 1 WHERE id = 1; END $$");
        assertEquals(before, revision());
        month(d.territory()).body("rows[0].openPositions", equalTo(3));
        DB.rows("UPDATE recruitment_need SET headcount = headcount WHERE id = ?::uuid", d.need());
        month(d.territory()).body("rows[0].openPositions", equalTo(8));
    }

    @Test
    void aRolledBackTransactionDoesNotBumpTheRevision() {
        Declared d = declaredToday(SAINT_BRIEUC);
        month(d.territory()).body("rows[0].openPositions", equalTo(3));
        long before = revision();
        assertThrows(IllegalStateException.class, () -> DB.rows("DO $$ BEGIN "
                + "UPDATE need_change SET headcount = 9 WHERE need_id = '" + d.need() + "'; "
                + "RAISE EXCEPTION 'rolled back'; END $$"));
        assertEquals(before, revision());
        month(d.territory()).body("rows[0].openPositions", equalTo(3));
    }

    @Test
    void aTransactionBumpsTheRevisionOnceHoweverManyTablesAndRowsItWrites() {
        Declared d = declaredToday(LA_ROCHE_SUR_YON);
        long before = revision();
        DB.rows("DO $$ BEGIN "
                + "UPDATE need_change SET headcount = headcount WHERE need_id = '" + d.need() + "'; "
                + "UPDATE recruitment_need SET headcount = headcount WHERE id = '" + d.need() + "'; "
                + "END $$");
        assertEquals(before + 1, revision());
    }

    @Test
    void eachQueryHasItsOwnAnswer() {
        Declared d = declaredToday(LE_MANS);
        String second = RecruitmentFixtures.declared(admin(), withJob(RecruitmentFixtures.needBody(
                registeredCompany(d.commune())), "I1304"));
        month(d.territory()).body("rows.job", contains("*"), "rows[0].openPositions", equalTo(4));
        given().auth().oauth2(partner()).queryParam("area", d.territory()).queryParam("from", M.toString())
                .queryParam("to", M.toString()).when().get("/api/recruitment/indicators")
                .then().statusCode(200).body("rows.job", contains("H2913", "I1304"));
        shortage(d.territory(), 5).body("jobs.job", contains("H2913", "I1304"));
        shortage(d.territory(), 1).body("jobs.job", contains("H2913"));
        given().auth().oauth2(partner()).queryParam("level", "TERRITORY").queryParam("by", "NONE")
                .queryParam("area", d.territory()).queryParam("from", M.minusMonths(1).toString())
                .queryParam("to", M.toString()).when().get("/api/recruitment/indicators")
                .then().statusCode(200).body("from", equalTo(M.minusMonths(1).toString()), "rows.month",
                        contains(M.toString()));
        DB.rows("UPDATE need_change SET headcount = 2 WHERE need_id = ?::uuid", second);
        month(d.territory()).body("rows[0].openPositions", equalTo(5));
    }

    @Test
    void keptAnswersAreStillOnlyForSignedInCallersAndBadParametersStillRefused() {
        Declared d = declaredToday(LAVAL);
        month(d.territory());
        given().queryParam("level", "TERRITORY").queryParam("by", "NONE").queryParam("area", d.territory())
                .queryParam("from", M.toString()).queryParam("to", M.toString())
                .when().get("/api/recruitment/indicators").then().statusCode(401);
        given().auth().oauth2(partner()).queryParam("area", d.territory()).queryParam("to", M.plusMonths(1).toString())
                .when().get("/api/recruitment/indicators").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
    }

    private static Map<String, Object> withJob(Map<String, Object> body, String rome) {
        body.put("romeCode", rome);
        body.put("jobTitle", "Technicien de maintenance");
        body.put("headcount", 1);
        body.put("difficult", false);
        body.put("difficultyReasons", java.util.List.of());
        return body;
    }
}
