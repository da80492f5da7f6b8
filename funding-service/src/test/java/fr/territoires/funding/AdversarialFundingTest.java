package fr.territoires.funding;

import static fr.territoires.funding.FundingFixtures.DB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.testing.Adversary;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's adversarial suite for funding-service: every operation of its OpenAPI document, for
 * every demo role and for no token, with malformed inputs (fr.territoires.testing.Adversary). Never
 * a 5xx, every refusal problem+json, every 400 naming a field, and nothing stored or published.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class AdversarialFundingTest {

    private static final List<String> TABLES = List.of("envelope", "envelope_year", "application", "application_line",
            "commitment", "payment", "ledger_entry", "outbox_event", "idempotent_request");

    private static Map<String, Long> counts() {
        return DB.rowCounts(TABLES);
    }

    @Test
    void everyOperationRefusesMalformedInputCleanlyAndStoresNothing() {
        String territory = FundingFixtures.labelledInGrandEst();
        UUID envelope = FundingFixtures.openEnvelope("1000.00");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no token", null);
        callers.put("programme-admin", TestTokens.programmeAdmin());
        callers.put("region-officer", FundingFixtures.officer("44"));
        callers.put("territory-manager", FundingFixtures.manager(territory));
        callers.put("company", TestTokens.user("company").roles("company").siren("552081317").token());
        callers.put("partner", TestTokens.partner());
        Map<String, Long> before = counts();
        Adversary.Report report = new Adversary(callers, name -> switch (name) {
            case "code", "territory" -> territory;
            case "id" -> envelope.toString();
            default -> UUID.randomUUID().toString();
        }, 14L).attack("/q/openapi", "/api/funding");
        System.out.println("[adversary] funding-service: " + report.summary());
        assertTrue(report.findings().isEmpty(), () -> report.summary() + "\n  "
                + String.join("\n  ", report.findings().stream().limit(40).map(Object::toString).toList()));
        assertEquals(before, counts(), "nothing stored or published");
        assertTrue(report.operations() > 10, report.summary());
    }
}
