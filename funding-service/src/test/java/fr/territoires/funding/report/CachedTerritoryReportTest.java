package fr.territoires.funding.report;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static fr.territoires.funding.FundingFixtures.manager;
import static fr.territoires.funding.FundingFixtures.officer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A territory's report answers from memory between changes of the funding data (issue #16) and is never staler
 * than the database: a change committed by anyone — this service, another replica, an operator's SQL — shows in
 * the next read. The changes below are made in SQL, behind the service's back, as another replica's would be.
 * Who may read the territory is decided at every request, whatever is kept.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CachedTerritoryReportTest {

    private static long revision() {
        return DB.count("SELECT revision FROM read_revision WHERE id = 1");
    }

    private static String path(String territory) {
        return "/api/funding/reports/territories/" + territory;
    }

    /** A Grand Est territory with one approved project: 50,000 € committed today from a national envelope. */
    private static Funded funded() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("1000000.00");
        UUID application = FundingFixtures.underReview(FundingFixtures.application(territory,
                new BigDecimal("100000.00"), false, Map.of(envelope, "50000.00")));
        api(admin()).body(Map.of("decision", "APPROVED")).when().post("/api/funding/applications/" + application
                + "/decision").then().statusCode(200);
        return new Funded(territory, application);
    }

    record Funded(String territory, UUID application) {
    }

    @Test
    void aChangeCommittedElsewhereShowsAtTheNextRead() {
        Funded f = funded();
        for (int i = 0; i < 2; i++) {
            api(manager(f.territory())).when().get(path(f.territory())).then().statusCode(200)
                    .body("total.jobsCreated", equalTo(12), "total.committed", equalTo(new BigDecimal("50000.00")));
        }

        DB.rows("UPDATE application SET jobs_created = 99 WHERE id = ?", f.application());
        api(manager(f.territory())).when().get(path(f.territory())).then().statusCode(200)
                .body("total.jobsCreated", equalTo(99));

        DB.rows("UPDATE application SET status = 'WITHDRAWN' WHERE id = ?", f.application());
        api(manager(f.territory())).when().get(path(f.territory())).then().statusCode(200)
                .body("total.approvedApplications", equalTo(0), "total.committed", equalTo(new BigDecimal("0.00")));
    }

    @Test
    void theFiguresAreKeptUntilTheRevisionMoves() {
        Funded f = funded();
        api(admin()).when().get(path(f.territory())).then().statusCode(200).body("total.jobsCreated", equalTo(12));
        // a change that takes the revision back by one before its commit bumps it: the counter does not move,
        // so the read answers from memory, from before the change (what only the counter can tell it)
        long before = revision();
        DB.rows("DO $$ BEGIN "
                + "UPDATE application SET jobs_created = 55 WHERE id = '" + f.application() + "'; "
                + "UPDATE read_revision SET revision = revision - 1 WHERE id = 1; END $$");
        assertEquals(before, revision());
        api(admin()).when().get(path(f.territory())).then().statusCode(200).body("total.jobsCreated", equalTo(12));
        DB.rows("UPDATE application SET jobs_kept = jobs_kept WHERE id = ?", f.application());
        api(admin()).when().get(path(f.territory())).then().statusCode(200).body("total.jobsCreated", equalTo(55));
    }

    @Test
    void aRolledBackTransactionDoesNotBumpTheRevision() {
        Funded f = funded();
        api(admin()).when().get(path(f.territory())).then().statusCode(200).body("total.jobsCreated", equalTo(12));
        long before = revision();
        assertThrows(IllegalStateException.class, () -> DB.rows("DO $$ BEGIN "
                + "UPDATE application SET jobs_created = 77 WHERE id = '" + f.application() + "'; "
                + "RAISE EXCEPTION 'rolled back'; END $$"));
        assertEquals(before, revision());
        api(admin()).when().get(path(f.territory())).then().statusCode(200).body("total.jobsCreated", equalTo(12));
    }

    @Test
    void aTransactionBumpsTheRevisionOnceHoweverManyTablesAndRowsItWrites() {
        Funded f = funded();
        long before = revision();
        DB.rows("DO $$ BEGIN "
                + "UPDATE application SET jobs_kept = jobs_kept + 1 WHERE id = '" + f.application() + "'; "
                + "UPDATE commitment SET version = version WHERE application_id = '" + f.application() + "'; "
                + "END $$");
        assertEquals(before + 1, revision());
    }

    @Test
    void theAccessCheckRefusesAtEveryRequestEvenWhenTheFiguresAreKept() {
        Funded f = funded();
        api(officer("44")).when().get(path(f.territory())).then().statusCode(200).body("regions", contains("44"));
        api(officer("44")).when().get(path(f.territory())).then().statusCode(200);
        api(officer("84")).when().get(path(f.territory())).then().statusCode(403)
                .contentType("application/problem+json");
        api(manager("ti-elsewhere")).when().get(path(f.territory())).then().statusCode(403);

        // the territory moves to Auvergne-Rhône-Alpes (Lyon) in the replica, a table that bumps nothing:
        // Grand Est's officer no longer may read it, the Region it now lies in may, with the same kept figures
        DB.rows("UPDATE territory_perimeter SET communes = '{69123}' WHERE territory_code = ?", f.territory());
        api(officer("44")).when().get(path(f.territory())).then().statusCode(403);
        api(officer("84")).when().get(path(f.territory())).then().statusCode(200)
                .body("regions", contains("84"), "total.committed", equalTo(new BigDecimal("50000.00")));
    }

    @Test
    void eachYearHasItsOwnAnswer() {
        Funded f = funded();
        int year = FundingFixtures.today().getYear();
        api(admin()).when().get(path(f.territory())).then().statusCode(200)
                .body("year", nullValue(), "total.committed", equalTo(new BigDecimal("50000.00")));
        api(admin()).queryParam("year", year).when().get(path(f.territory())).then().statusCode(200)
                .body("year", equalTo(year), "total.committed", equalTo(new BigDecimal("50000.00")));
        api(admin()).queryParam("year", year - 1).when().get(path(f.territory())).then().statusCode(200)
                .body("year", equalTo(year - 1), "total.committed", equalTo(new BigDecimal("0.00")),
                        "total.approvedApplications", equalTo(0));
        api(admin()).when().get(path(f.territory())).then().statusCode(200)
                .body("total.committed", equalTo(new BigDecimal("50000.00")));
    }

    @Test
    void anUnknownTerritoryIsNotKept() {
        String code = "ti-f" + UUID.randomUUID().toString().substring(0, 8);
        api(admin()).when().get(path(code)).then().statusCode(404);
        FundingFixtures.replicaHolds(code, "Arrivé ailleurs", "LABELLED", FundingFixtures.GRAND_EST_COMMUNES);
        api(admin()).when().get(path(code)).then().statusCode(200).body("name", equalTo("Arrivé ailleurs"),
                "total.approvedApplications", equalTo(0));
    }
}
