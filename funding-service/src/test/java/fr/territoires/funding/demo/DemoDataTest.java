package fr.territoires.funding.demo;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo funding `./platform up` loads once the demo territories have arrived from territory events. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class DemoDataTest {

    @Inject
    DemoData demo;

    @Test
    void theDemoWaitsForItsTerritoriesThenLoadsOnceThroughTheRules() throws Throwable {
        // Territories the replica does not know: the loader waits, and writes nothing.
        DemoData.DemoFile file = demo.read();
        DemoData.DemoFile elsewhere = new DemoData.DemoFile(file.about(), file.envelopes(), file.applications().stream()
                .map(a -> new DemoData.DemoApplication(a.stage(), "ti-nowhere", a.title(), a.owner(), a.eligibleCost(),
                        a.requested(), a.approved(), a.jobsCreated(), a.jobsKept(), a.privateInvestment(), a.reason(),
                        a.payments())).toList());
        assertEquals(DemoData.Outcome.WAITING, VertxContextSupport.subscribeAndAwait(() -> demo.load(elsewhere)));
        assertEquals(0, DB.count("SELECT count(*) FROM envelope WHERE name LIKE '(demo)%'"));

        // What territory-service's demo publishes (in a full build its events may already have arrived):
        // Val de Lorraine (Meurthe-et-Moselle) and Nord Lorraine (Moselle), labelled, with their communes.
        FundingFixtures.replicaHolds("ti-4420", "ti-4420", "LABELLED", List.of("54430", "54431", "54215"));
        FundingFixtures.replicaHolds("ti-4408", "ti-4408", "LABELLED", List.of("57221", "57019", "57672"));
        assertEquals(DemoData.Outcome.LOADED, VertxContextSupport.subscribeAndAwait(demo::load));
        assertEquals(DemoData.Outcome.ALREADY_LOADED, VertxContextSupport.subscribeAndAwait(demo::load));

        assertEquals(3, DB.count("SELECT count(*) FROM envelope WHERE name LIKE '(demo)%'"));
        assertEquals(List.of(Map.of("status", "APPROVED", "n", 2L), Map.of("status", "DRAFT", "n", 1L),
                        Map.of("status", "REJECTED", "n", 1L), Map.of("status", "SUBMITTED", "n", 1L),
                        Map.of("status", "UNDER_REVIEW", "n", 1L), Map.of("status", "WITHDRAWN", "n", 1L)),
                DB.rows("SELECT status, count(*) AS n FROM application WHERE territory_code IN ('ti-4420', 'ti-4408') "
                        + "GROUP BY status ORDER BY status"));
        assertEquals(List.of(Map.of("status", "ACTIVE", "n", 2L), Map.of("status", "SETTLED", "n", 1L)),
                DB.rows("SELECT status, count(*) AS n FROM commitment WHERE territory_code = 'ti-4420' GROUP BY status "
                        + "ORDER BY status"));
        api(admin()).when().get("/api/funding/ledger/check").then().statusCode(200).body("consistent", equalTo(true));
    }
}
