package fr.territoires.funding.commitment;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.api;
import static fr.territoires.funding.FundingFixtures.officer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 31 December, 23:30 UTC is already 1 January, 00:30 in Paris: an approval then is dated 1 January
 * and counts in the new fiscal year, whatever the server's zone.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class NewYearsEveTest {

    @Test
    void anApprovalAtHalfPastMidnightInParisIsDatedTheFirstOfJanuaryAndCountsInTheNewYear() {
        int year = FundingFixtures.today().getYear();
        int next = year + 1;
        QuarkusMock.installMockForType(BusinessDates.at(Instant.parse(year + "-12-31T23:30:00Z")), BusinessDates.class);

        String territory = FundingFixtures.labelledInGrandEst();
        // Nothing may be paid on the old year any more; the new year's payments have room.
        UUID envelope = FundingFixtures.openEnvelope(Map.of("funder", "REGION", "region", "44",
                "name", "Région " + UUID.randomUUID(), "priority", "RECRUIT", "scope", "REGION", "scopeRegion", "44",
                "firstYear", year, "lastYear", year + 3, "ceiling", new BigDecimal("100000.00"),
                "yearlyPaymentCeilings", Map.of(String.valueOf(year), 1, String.valueOf(next), 50000)));
        UUID application = FundingFixtures.underReview(FundingFixtures.application(territory, new BigDecimal("80000.00"),
                false, Map.of(envelope, "40000.00")));

        api(officer("44")).body(Map.of("decision", "APPROVED", "approved", List.of(
                        Map.of("envelopeId", envelope.toString(), "amount", new BigDecimal("40000.00")))))
                .when().post("/api/funding/applications/" + application + "/decision")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        String commitment = api(TestTokens.partner()).queryParam("application", application.toString())
                .when().get("/api/funding/commitments")
                .then().statusCode(200).body("size()", equalTo(1), "[0].committedOn", equalTo(next + "-01-01"))
                .extract().path("[0].id");
        assertEquals(next + "-01-01", DB.rows("""
                SELECT payload::json ->> 'decidedOn' AS d FROM outbox_event
                WHERE event_type = 'fr.territoires.funding.application-decided.v1' AND payload::json ->> 'applicationId' = ?""",
                application.toString()).get(0).get("d"));

        // An advance paid now, without a date, is paid on 1 January and counted in the new year's ceiling.
        api(officer("44")).body(Map.of("kind", "ADVANCE", "amount", new BigDecimal("12000.00")))
                .when().post("/api/funding/commitments/" + commitment + "/payments")
                .then().statusCode(201).body("paidOn", equalTo(next + "-01-01"), "fiscalYear", equalTo(next));
    }
}
