package fr.territoires.funding.report;

import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.spi.MappingMetamodelImplementor;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Reads and approvals repeated do not grow Hibernate's query plan cache (issue #16). Hibernate 7.2 adds a plan
 * at every call of a native query of {@code Object[]} rows whose parameters are all single-valued (its result
 * mapping changes once resolved, so the cached plan is never found again): the report's access check and the
 * approval's envelope update did, until the cache held 2,048 plans under one hash that every lookup walked.
 * (The figures' own query, run once per change of the data, still adds one plan when it runs.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class QueryPlanCacheTest {

    @Inject
    Mutiny.SessionFactory sessions;

    private int cachedPlans() {
        SessionFactoryImplementor factory = ((MappingMetamodelImplementor) sessions.getMetamodel()).getTypeConfiguration()
                .getSessionFactory();
        return factory.getQueryEngine().getInterpretationCache().getNumberOfCachedQueryPlans();
    }

    @Test
    void repeatedReportsAndApprovalsDoNotGrowThePlanCache() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("1000000.00");
        java.util.List<UUID> applications = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) {
            applications.add(FundingFixtures.underReview(FundingFixtures.application(territory,
                    new BigDecimal("1000.00"), false, Map.of(envelope, "500.00"))));
        }
        approve(applications.get(0)); // every query of both paths planned once
        api(admin()).when().get("/api/funding/reports/territories/" + territory).then().statusCode(200);
        int before = cachedPlans();

        for (UUID application : applications.subList(1, applications.size())) {
            approve(application);
        }
        for (int i = 0; i < 20; i++) { // the figures are computed again once (the approvals changed them), then kept
            api(admin()).when().get("/api/funding/reports/territories/" + territory).then().statusCode(200);
        }

        int after = cachedPlans();
        assertTrue(after - before <= 2, "20 approvals and 20 reports added " + (after - before)
                + " plans to Hibernate's query plan cache (" + before + " → " + after + ")");
    }

    private static void approve(UUID application) {
        api(admin()).body(Map.of("decision", "APPROVED")).when().post("/api/funding/applications/" + application
                + "/decision").then().statusCode(200);
    }
}
