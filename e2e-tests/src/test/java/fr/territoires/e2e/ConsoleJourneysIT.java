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

    private static final Duration JOURNEYS_LIMIT = Duration.ofMinutes(12);

    /**
     * The console's access tokens live this long during the journeys, so that every journey runs
     * through renewals and the renewal journey sees its first token expire (the realm's default is 5 min).
     */
    static final Duration ACCESS_TOKEN_LIFESPAN = Duration.ofSeconds(90);

    @Test
    void everyRoleUsesTheConsoleThroughTheRealLoginPage() throws Exception {
        E2ePlatform platform = E2ePlatform.get();
        allowConsoleAt(platform.gateway(), ACCESS_TOKEN_LIFESPAN);
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
        assertTrue(output.contains("7 journeys passed, 0 failed"), output);
        assertTrue(output.contains("[renouvellement] token of "), output);
    }

    /**
     * The realm lets the console sign in from http://localhost:8080 and :5173 only; the test platform's
     * gateway listens on a free port, so the test adds that origin to the web-console client, as an
     * operator would for a new address. A lifespan, when given, is the client's access-token lifespan.
     */
    static void allowConsoleAt(String origin, Duration accessTokenLifespan) {
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
        if (accessTokenLifespan != null) {
            attributes.put("access.token.lifespan", String.valueOf(accessTokenLifespan.toSeconds()));
        }
        client.put("attributes", attributes);
        given().baseUri(keycloak).auth().oauth2(admin).contentType("application/json").body(client)
                .put("/admin/realms/" + KeycloakServer.REALM + "/clients/" + client.get("id"))
                .then().statusCode(204);
    }

    /**
     * The phase-2 national list as ANCT publishes it (one row per commune), built from the registry's own
     * reference data (each territory's member EPCIs, each commune's EPCI) and imported through the
     * programme team's API, as the console's administration page does: the test platform does not load
     * the official lists at start-up, and the map, its table and the territory pages need them.
     */
    static void importNationalList(String registry, String admin) throws java.io.IOException {
        Path reference = BuildInfrastructure.buildRoot().resolve("territory-service/src/main/resources/reference");
        Map<String, String> names = new java.util.HashMap<>();
        Map<String, List<String>> communesOf = new java.util.HashMap<>();
        for (String[] c : gzipped(reference.resolve("communes.csv.gz"))) {
            names.put(c[0], c[1]);
            if (!c[4].isEmpty()) {
                communesOf.computeIfAbsent(c[4], k -> new ArrayList<>()).add(c[0]);
            }
            if (!c[6].isEmpty()) {
                communesOf.put(c[6], List.of(c[0])); // a member that is a commune, by its SIREN
            }
        }
        // The three territories made of the Grand Paris' territorial establishments (EPT) are left out: their
        // communes' EPCI is the Métropole du Grand Paris for all three, which the import gives one territory.
        java.util.Set<String> establishments = new java.util.HashSet<>();
        for (String[] t : gzipped(reference.resolve("epts.csv.gz"))) {
            establishments.add(t[0]);
        }
        StringBuilder csv = new StringBuilder("insee_com;lib_com;id_ti;lib_ti\n");
        int territories = 0;
        for (String line : Files.readAllLines(reference.resolve("programme/phase2.csv"), StandardCharsets.UTF_8).stream().skip(1).toList()) {
            String[] t = line.split(";", -1);
            if (java.util.Arrays.stream(t[2].split(" ")).anyMatch(establishments::contains)) {
                continue;
            }
            boolean listed = false;
            for (String member : t[2].split(" ")) {
                for (String commune : communesOf.getOrDefault(member, List.of())) {
                    csv.append(commune).append(';').append(names.get(commune).replace(";", ",")).append(';')
                            .append(t[0]).append(';').append(t[1].replace(";", ",")).append('\n');
                    listed = true;
                }
            }
            territories += listed ? 1 : 0;
        }
        int imported = given().baseUri(registry).auth().oauth2(admin).contentType("text/csv; charset=UTF-8")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .queryParam("phase", "2023-2027")
                .post("/api/territories/import")
                .then().log().ifValidationFails().statusCode(200).extract().path("territories");
        assertEquals(territories, imported);
    }

    private static List<String[]> gzipped(Path file) throws java.io.IOException {
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return in.lines().skip(1).map(l -> l.split(";", -1)).toList();
        }
    }

    private static List<Object> with(Object list, String value) {
        List<Object> values = new ArrayList<>(list == null ? List.of() : (List<?>) list);
        if (!values.contains(value)) {
            values.add(value);
        }
        return values;
    }

    /**
     * What the journeys find: the programme's phase-2 territories (the map's outlines are theirs), the project lead's territory (its code read from /api/me, never assumed)
     * with a site, an open regional envelope, and the demo company registered there with one recruitment need.
     */
    private static void prepareData(String gateway) throws java.io.IOException {
        String admin = KeycloakTokens.user("admin.programme");
        // Straight to the registry: 18,000 rows take longer than the gateway waits for a service on a loaded
        // machine (504 seen); the administration journey imports through the gateway.
        importNationalList(E2ePlatform.get().url("territory-service"), admin);
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
        // A need of that company, for the project lead to see among its territory's and to link to an application.
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
        given().baseUri(gateway).auth().oauth2(company).contentType("application/json")
                .body(Map.of("siret", "99999000500012", "romeCode", "H2913", "jobTitle", "Soudeur (parcours)", "headcount", 2,
                        "contractType", "CDI", "qualificationLevel", "SKILLED_WORKER", "startDate", today.plusDays(10).toString(),
                        "deadline", today.plusDays(90).toString(), "hoursPerWeek", 35))
                .post("/api/recruitment/needs").then().statusCode(201);
    }

}
