package fr.territoires.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.testing.Adversary;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's adversarial suite through the front door: every operation of the gateway's merged
 * OpenAPI document (the three services and the gateway's own), for every demo user with a real
 * Keycloak token and for no token, with malformed query values and bodies (test-support
 * {@code Adversary}, seed 14). Asserted: never a 5xx, every refusal problem+json, every 400 naming a
 * field, and no change accepted but the ones a valid empty object makes. The services' own suites
 * (Adversarial*Test) also count their rows; here the gateway's part is what is proven: it passes
 * nothing worse on and adds no failure of its own. The per-client rate limit stays on: its 429s are
 * counted in the report.
 */
class AdversarialGatewayIT {

    @Test
    void everyOperationThroughTheGatewayRefusesMalformedInputCleanly() {
        E2ePlatform platform = E2ePlatform.get();
        AccessMatrixIT.territory(KeycloakTokens.user("admin.programme"), "ti-4420", "Val de Lorraine", "245400601");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("no token", null);
        for (String user : List.of("admin.programme", "officer.grandest", "lead.valdelorraine", "company.demo",
                "partner.demo")) {
            callers.put(user, KeycloakTokens.user(user));
        }
        URI gateway = URI.create(platform.gateway());
        String baseUri = RestAssured.baseURI;
        int port = RestAssured.port;
        Adversary.Report report;
        try {
            RestAssured.baseURI = gateway.getScheme() + "://" + gateway.getHost();
            RestAssured.port = gateway.getPort();
            report = new Adversary(callers, name -> switch (name) {
                case "code", "territory" -> "ti-4420";
                case "siret" -> "99999000500012";
                default -> "1";
            }, 14L).attack("/api/docs/openapi.json", "/api/");
        } finally {
            RestAssured.baseURI = baseUri;
            RestAssured.port = port;
        }
        System.out.println("[adversary] gateway: " + report.summary());
        report.accepted().forEach(a -> System.out.println("[adversary] accepted: " + a));
        assertTrue(report.findings().isEmpty(), () -> report.summary() + "\n  "
                + String.join("\n  ", report.findings().stream().limit(60).map(Object::toString).toList()));
        // Rightly accepted: an empty object where every field is optional (as in the service's own suite), and
        // an operation that takes no input at all, called plainly by who may (the re-drive of dead letters).
        List<String> wrongly = report.accepted().stream().filter(a -> !a.endsWith(" with nothing")
                && (!a.endsWith("with an empty object") || !(a.startsWith("PUT /api/territories/{code} ")
                        || a.startsWith("PUT /api/territories/{code}/governance ")
                        || a.startsWith("PUT /api/territories/{code}/industrial-profile ")))).toList();
        assertEquals(List.of(), wrongly, "hostile input accepted");
        assertTrue(report.operations() > 50, report.summary());
    }
}
