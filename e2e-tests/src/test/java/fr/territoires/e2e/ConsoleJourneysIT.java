package fr.territoires.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.KeycloakServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The web console in real headless Chromium (Debian's chromium, driven by playwright-core) against
 * the whole platform and the real Keycloak login page: one journey per role (web-console/e2e/journeys.mjs),
 * a screenshot and an axe-core check of every page, no Content-Security-Policy violation. Screenshots
 * and the accessibility report: e2e-tests/target/console-journeys/.
 */
class ConsoleJourneysIT {

    private static final Duration JOURNEYS_LIMIT = Duration.ofMinutes(8);

    @Test
    void everyRoleUsesTheConsoleThroughTheRealLoginPage() throws Exception {
        E2ePlatform platform = E2ePlatform.get();
        allowConsoleAt(platform.gateway());
        prepareData(platform.gateway());

        Path root = BuildInfrastructure.buildRoot();
        Path out = root.resolve("e2e-tests/target/console-journeys");
        Files.createDirectories(out);
        Path log = out.resolve("journeys.log");
        ProcessBuilder node = new ProcessBuilder("node", "e2e/journeys.mjs")
                .directory(root.resolve("web-console").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL", platform.gateway());
        node.environment().put("OUT_DIR", out.toString());
        Process journeys = node.start();
        boolean ended;
        try {
            ended = journeys.waitFor(JOURNEYS_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            if (journeys.isAlive()) {
                journeys.descendants().forEach(ProcessHandle::destroyForcibly);
                journeys.destroyForcibly().waitFor();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(ended, "the browser journeys did not end within " + JOURNEYS_LIMIT + ":\n" + output);
        assertEquals(0, journeys.exitValue(), "a browser journey failed:\n" + output);
        assertTrue(output.contains("6 journeys passed, 0 failed"), output);
    }

    /**
     * The realm lets the console sign in from http://localhost:8080 and :5173 only; the test platform's
     * gateway listens on a free port, so the test adds that origin to the web-console client, as an
     * operator would for a new address.
     */
    static void allowConsoleAt(String origin) {
        String keycloak = BuildInfrastructure.keycloakUrl();
        String admin = given().baseUri(keycloak)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.ADMIN_USER).formParam("password", KeycloakServer.ADMIN_PASSWORD)
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        List<Map<String, Object>> clients = given().baseUri(keycloak).auth().oauth2(admin)
                .queryParam("clientId", "web-console")
                .get("/admin/realms/" + KeycloakServer.REALM + "/clients")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> client = new LinkedHashMap<>(clients.get(0));
        client.put("redirectUris", with(client.get("redirectUris"), origin + "/*"));
        client.put("webOrigins", with(client.get("webOrigins"), origin));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) client.get("attributes"));
        String logout = String.valueOf(attributes.getOrDefault("post.logout.redirect.uris", ""));
        if (!logout.contains(origin + "/*")) {
            attributes.put("post.logout.redirect.uris", (logout.isEmpty() ? "" : logout + "##") + origin + "/*");
        }
        client.put("attributes", attributes);
        given().baseUri(keycloak).auth().oauth2(admin).contentType("application/json").body(client)
                .put("/admin/realms/" + KeycloakServer.REALM + "/clients/" + client.get("id"))
                .then().statusCode(204);
    }

    private static List<Object> with(Object list, String value) {
        List<Object> values = new ArrayList<>(list == null ? List.of() : (List<?>) list);
        if (!values.contains(value)) {
            values.add(value);
        }
        return values;
    }

    /**
     * What the journeys find: the project lead's territory (its code read from /api/me, never assumed)
     * with a site, an open regional envelope, and the demo company registered there.
     */
    private static void prepareData(String gateway) {
        String admin = KeycloakTokens.user("admin.programme");
        String lead = KeycloakTokens.user("lead.valdelorraine");
        String code = given().baseUri(gateway).auth().oauth2(lead).get("/api/me")
                .then().statusCode(200).extract().path("territories[0]");
        AccessMatrixIT.territory(admin, code, "Val de Lorraine", "245400601");
        given().baseUri(gateway).auth().oauth2(lead).contentType("application/json")
                .body(Map.of("name", "Friche de la Sidérurgie (journeys)", "commune", "54430", "areaHectares", 12.5,
                        "status", "AVAILABLE", "brownfield", true, "services", List.of("RAIL", "POWER")))
                .post("/api/territories/" + code + "/sites").then().statusCode(201);
        given().baseUri(gateway).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("funder", "REGION", "region", "44", "name", "Région Grand Est — Recruter " + UUID.randomUUID(),
                        "priority", "RECRUIT", "scope", "REGION", "scopeRegion", "44", "firstYear", 2024, "lastYear", 2030,
                        "ceiling", 500000))
                .post("/api/funding/envelopes").then().statusCode(201);
        // The territory reaches funding and recruitment through territory.events.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(gateway).auth().oauth2(admin)
                .get("/api/funding/reports/territories/" + code).statusCode() == 200);
        String company = KeycloakTokens.user("company.demo");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(gateway).auth().oauth2(company)
                .contentType("application/json")
                .body(Map.of("siret", "99999000500012", "name", "(demo) Métallerie de Pompey", "nafCode", "25.11Z",
                        "commune", "54430", "sizeBand", "SMALL"))
                .post("/api/recruitment/companies")
                .then().statusCode(org.hamcrest.Matchers.oneOf(201, 409)));
    }

}
