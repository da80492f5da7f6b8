package fr.territoires.registry.officiallist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both official lists as `./platform up` loads them (ANCT's open data, reference/programme/), in a
 * database of their own: counts, members, the phase-1 → phase-2 succession, dated look-ups, EPT and
 * single-commune members, events that name their phase, and the outlines for maps.
 */
@QuarkusTest
@TestProfile(OfficialListsTest.WithOfficialLists.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = {@ResourceArg(name = "database", value = "territory_official"),
                // The whole programme's events stay on a broker of their own: on the build's shared topic
                // they would reach the other modules' replicas and claim the communes their tests use.
                @ResourceArg(name = "dedicatedKafka", value = "official-lists")})
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OfficialListsTest {

    public static class WithOfficialLists implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.official-lists.enabled", "true");
        }
    }

    private static final Sql DB = Sql.on("territory_official");

    @Inject
    OfficialListLoader loader;

    @Test
    void bothListsAreLoadedWithTheirCountsAndMembers() {
        given().queryParam("phase", "2023-2027").when().get("/api/territories")
                .then().statusCode(200).body("total", equalTo(183));
        given().queryParam("phase", "2019-2022").when().get("/api/territories")
                .then().statusCode(200).body("total", equalTo(149));
        assertEquals(183, DB.count("SELECT count(*) FROM territory WHERE phases = ARRAY['2023-2027']"));
        assertEquals(641, DB.count("SELECT count(*) FROM territory_epci WHERE valid_from = DATE '2023-01-01' AND valid_to IS NULL"));
        assertEquals(588, DB.count("SELECT count(*) FROM phase1_member"));
        // Member counts per territory, as the lists give them.
        assertEquals(6, DB.count("SELECT count(*) FROM territory_epci WHERE territory_code = 'ti-4420'"));
        assertEquals(10, DB.count("SELECT count(*) FROM territory_epci WHERE territory_code = 'ti-4408'"));
        assertEquals(4, DB.count("SELECT count(*) FROM phase1_member WHERE territory_code = 'ti-4413'"));
        assertEquals(11, DB.count("SELECT count(*) FROM phase1_member WHERE territory_code = 'ti-4408'"));
        assertEquals(20, DB.count("SELECT count(*) FROM territory_epci WHERE territory_code = 'ti-7506'"));
        // Every phase-2 territory has at least one member, and the load is traced to its source.
        assertEquals(0, DB.count("SELECT count(*) FROM territory t WHERE NOT EXISTS "
                + "(SELECT 1 FROM territory_epci te WHERE te.territory_code = t.code)"));
        assertEquals(2, DB.count("SELECT count(*) FROM official_list_load WHERE source LIKE 'ANCT%'"));
    }

    @Test
    void valDeLorraineInBothPhases() {
        given().auth().oauth2(TestTokens.partner()).when().get("/api/territories/ti-4420/perimeter")
                .then().statusCode(200)
                .body("phase", equalTo("2023-2027"), "epcis.siren", containsInAnyOrder("245400189", "200041515",
                        "200070589", "200070738", "245400601", "245400676"), "communes", equalTo(169),
                        "population", equalTo(403223));
        given().when().get("/api/territories/ti-4420")
                .then().statusCode(200).body("name", equalTo("Val de Lorraine"), "predecessors", contains("ti-4409", "ti-4413"),
                        "labels.phase", contains("2023-2027"), "labels.labelledOn", contains("2023-11-09"));
        // As of 2020, ti-4420 did not exist yet; ti-4413 (a phase-1 code) held the four EPCIs of phase 1.
        given().auth().oauth2(TestTokens.partner()).queryParam("asOf", "2020-06-01")
                .when().get("/api/territories/ti-4420/perimeter")
                .then().statusCode(200).body("epcis.size()", equalTo(0));
        given().auth().oauth2(TestTokens.partner()).queryParam("asOf", "2020-06-01").queryParam("phase", "2019-2022")
                .when().get("/api/territories/ti-4413/perimeter")
                .then().statusCode(200).body("phase", equalTo("2019-2022"), "epcis.siren",
                        containsInAnyOrder("200041515", "200070589", "200070738", "245400601"),
                        "communes", equalTo(133), "population", equalTo(117569));
        given().queryParam("phase", "2019-2022").when().get("/api/territories/ti-4413")
                .then().statusCode(200).body("name", equalTo("Val de Lorraine"), "successor", equalTo("ti-4420"),
                        "successors", contains("ti-4420"), "from", equalTo("2019-01-01"), "until", equalTo("2022-12-31"), "members.size()", equalTo(4));
        // In phase 2, ANCT gave the code ti-4413 to another place, made out of part of phase 1's Vosges (ti-4415).
        given().when().get("/api/territories/ti-4413").then().statusCode(200).body("name", equalTo("Plaine des Vosges"),
                "predecessors", contains("ti-4415"));
        // Axe Seine: ti-2801 then ti-2802; Nord Lorraine keeps ti-4408 with other members.
        given().queryParam("phase", "2019-2022").when().get("/api/territories/ti-2801")
                .then().statusCode(200).body("successor", equalTo("ti-2802"), "successors", contains("ti-2802"));
        given().queryParam("phase", "2019-2022").when().get("/api/territories/ti-4408")
                .then().statusCode(200).body("successor", equalTo("ti-4408"), "successors", contains("ti-4408"),
                        "members.size()", equalTo(11));
        // A code ANCT reused for another place is no succession: ti-7506 is Libournais in phase 1, Creuse Industrie in 2,
        // and Libournais goes on as Grand Libournais (ti-7508), its communes all there.
        given().queryParam("phase", "2019-2022").when().get("/api/territories/ti-7506")
                .then().statusCode(200).body("name", equalTo("Libournais"), "successors", contains("ti-7508"));
        given().when().get("/api/territories/ti-7506").then().statusCode(200).body("name", equalTo("Creuse Industrie"),
                "predecessors", contains("ti-7502"));
    }

    @Test
    void successionFollowsSharedCommunesNotNames() {
        // Renamed and recoded, missed by the name match: Haut-Doubs Horloger (ti-2704) goes on as Alliances Luxe et
        // Précision Doubs (ti-2701), with all of its communes.
        given().queryParam("phase", "2019-2022").when().get("/api/territories/ti-2704")
                .then().statusCode(200).body("name", equalTo("Haut-Doubs Horloger"), "successor", equalTo("ti-2701"),
                        "successors", contains("ti-2701"));
        given().when().get("/api/territories/ti-2701")
                .then().statusCode(200).body("name", equalTo("Alliances Luxe et Précision Doubs"), "predecessors", contains("ti-2704"));
        // A split: Issoudun-Châteauroux goes on as Châteauroux – Buzançais – Argenton (most of its communes) and Issoudun.
        given().queryParam("phase", "2019-2022").when().get("/api/territories/ti-2403")
                .then().statusCode(200).body("successor", equalTo("ti-2403"), "successors", contains("ti-2403", "ti-2406"));
        // A phase-1 territory none of whose communes is in phase 2 has none (Cayenne).
        given().queryParam("phase", "2019-2022").when().get("/api/territories/ti-0301")
                .then().statusCode(200).body("successor", equalTo(null), "successors", equalTo(List.of()));
        // The counts of the import report: 152 links, 140 phase-1 territories continued, 9 without successor.
        assertEquals(152, DB.count("SELECT count(*) FROM phase1_successor"));
        assertEquals(140, DB.count("SELECT count(DISTINCT territory_code) FROM phase1_successor"));
        assertEquals(9, DB.count("SELECT count(*) FROM phase1_territory WHERE successor_code IS NULL"));
        assertEquals(0, DB.count("SELECT count(*) FROM phase1_territory t WHERE successor_code IS DISTINCT FROM "
                + "(SELECT s.successor_code FROM phase1_successor s WHERE s.territory_code = t.code AND s.rank = 1)"));
    }

    @Test
    void aCommuneOfTheGrandNancyIsInValDeLorraineTodayAndInNoTerritoryIn2020() {
        given().auth().oauth2(TestTokens.partner()).when().get("/api/communes/54395/territory")
                .then().statusCode(200).body("territory.code", equalTo("ti-4420"), "commune.epci.code", equalTo("245400676"));
        given().auth().oauth2(TestTokens.partner()).queryParam("asOf", "2020-06-01")
                .when().get("/api/communes/54395/territory").then().statusCode(404);
        given().auth().oauth2(TestTokens.partner()).queryParam("asOf", "2020-06-01").queryParam("phase", "2019-2022")
                .when().get("/api/communes/54395/territory").then().statusCode(404);
        // Pompey was in Val de Lorraine in both phases, under its phase's code.
        given().auth().oauth2(TestTokens.partner()).queryParam("asOf", "2020-06-01").queryParam("phase", "2019-2022")
                .when().get("/api/communes/54430/territory")
                .then().statusCode(200).body("territory.code", equalTo("ti-4413"), "phase", equalTo("2019-2022"));
    }

    @Test
    void eptAndSingleCommuneMembersAreFirstClass() {
        // Boucle Nord de Seine (ti-1101) is one EPT of the Métropole du Grand Paris.
        given().auth().oauth2(TestTokens.partner()).when().get("/api/territories/ti-1101/perimeter")
                .then().statusCode(200).body("epcis.siren", contains("200057990"), "epcis.type", contains("EPT"),
                        "communes", equalTo(7), "population", equalTo(461443), "unknownMembers.size()", equalTo(0));
        given().auth().oauth2(TestTokens.partner()).when().get("/api/communes/92004/territory")
                .then().statusCode(200).body("territory.code", equalTo("ti-1101"));
        // Nevers Val de Loire (ti-2707) counts Cercy-la-Tour on its own, not its EPCI.
        given().auth().oauth2(TestTokens.partner()).when().get("/api/territories/ti-2707/perimeter")
                .then().statusCode(200).body("epcis.find { it.siren == '215800467' }.type", equalTo("COMMUNE"),
                        "epcis.find { it.siren == '215800467' }.name", equalTo("Cercy-la-Tour"), "communes", equalTo(111));
        given().auth().oauth2(TestTokens.partner()).when().get("/api/communes/58046/territory")
                .then().statusCode(200).body("territory.code", equalTo("ti-2707"));
    }

    @Test
    void aMemberAbsentFromTheReferenceDataIsShownNotDropped() {
        // The official lists hold none (reference/programme/IMPORT-REPORT.md); a group merged after a list
        // was published would be kept as it is listed (fixture: an EPCI SIREN absent from the COG).
        DB.rows("INSERT INTO phase1_territory (code, name) VALUES ('ti-test-merged', 'Merged fixture') RETURNING code");
        DB.rows("INSERT INTO phase1_member (territory_code, siren) VALUES ('ti-test-merged', '245400601'), "
                + "('ti-test-merged', '245400999') RETURNING siren");
        try {
            given().queryParam("phase", "2019-2022").when().get("/api/territories/ti-test-merged")
                    .then().statusCode(200).body("members.code", contains("245400601"),
                            "unknownMembers", contains("245400999"));
            given().auth().oauth2(TestTokens.partner()).queryParam("phase", "2019-2022").queryParam("asOf", "2021-01-01")
                    .when().get("/api/territories/ti-test-merged/perimeter")
                    .then().statusCode(200).body("epcis.siren", contains("245400601"),
                            "unknownMembers", contains("245400999"));
        } finally {
            DB.rows("DELETE FROM phase1_member WHERE territory_code = 'ti-test-merged' RETURNING siren");
            DB.rows("DELETE FROM phase1_territory WHERE code = 'ti-test-merged' RETURNING code");
        }
    }

    @Test
    void eventsSayWhichPhaseAndCodeTheySpeakOf() {
        List<Map<String, Object>> events = DB.rows("SELECT event_type, payload::text AS payload FROM outbox_event "
                + "WHERE event_key = 'ti-4420' ORDER BY id");
        assertEquals(List.of("fr.territoires.territory.labelled.v1", "fr.territoires.territory.perimeter-changed.v1"),
                events.stream().map(e -> e.get("event_type")).toList());
        JsonPath labelled = new JsonPath((String) events.get(0).get("payload"));
        assertEquals("2023-2027", labelled.getString("phase"));
        assertEquals(List.of("ti-4409", "ti-4413"), labelled.getList("predecessors"));
        assertEquals(6, labelled.getList("perimeter.epcis").size());
        assertEquals(169, labelled.getList("perimeter.communes").size());
        JsonPath changed = new JsonPath((String) events.get(1).get("payload"));
        assertEquals("2023-01-01", changed.getString("effectiveOn"));
        assertEquals("2023-2027", changed.getString("phase"));
        assertEquals(366, DB.count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE '%\"phase\":\"2023-2027\"%'"));
        // Written in one statement, they keep the order of one append per event: each territory's labelled.v1 is
        // its key's event 1 and its perimeter-changed.v1 event 2, and the territories follow each other in code order.
        assertEquals(0, DB.count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE '%\"phase\":\"2023-2027\"%' "
                + "AND NOT ((sequence = 1 AND event_type = 'fr.territoires.territory.labelled.v1') "
                + "OR (sequence = 2 AND event_type = 'fr.territoires.territory.perimeter-changed.v1'))"));
        assertEquals(0, DB.count("SELECT count(*) FROM (SELECT event_key, lag(event_key) OVER (ORDER BY id) AS previous "
                + "FROM outbox_event WHERE event_type = 'fr.territoires.territory.labelled.v1') e WHERE e.previous > e.event_key"));
    }

    @Test
    void loadingAgainChangesNothing() throws Throwable {
        long events = DB.count("SELECT count(*) FROM outbox_event");
        assertEquals(List.of(), VertxContextSupport.subscribeAndAwait(loader::load));
        assertEquals(events, DB.count("SELECT count(*) FROM outbox_event"));
        assertEquals(149, DB.count("SELECT count(*) FROM phase1_territory"));
    }

    @Test
    void outlinesOfPhase2AreValidGeoJsonWithCaching() {
        Response response = given().when().get("/api/territories/outlines");
        response.then().statusCode(200).contentType("application/geo+json")
                .header("Cache-Control", "public, no-cache").header("ETag", notNullValue());
        JsonPath json = response.jsonPath();
        assertEquals("FeatureCollection", json.getString("type"));
        List<Map<String, Object>> features = json.getList("features");
        assertEquals(183, features.size());
        for (Map<String, Object> feature : features) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) feature.get("properties");
            assertEquals(List.of("code", "name", "phase", "status"), List.copyOf(properties.keySet()));
            assertEquals(2, properties.get("phase"));
            assertEquals("LABELLED", properties.get("status"));
            @SuppressWarnings("unchecked")
            Map<String, Object> geometry = (Map<String, Object>) feature.get("geometry");
            assertEquals("MultiPolygon", geometry.get("type"), properties.get("code") + " is drawn as polygons");
            @SuppressWarnings("unchecked")
            List<List<List<List<Number>>>> polygons = (List<List<List<List<Number>>>>) geometry.get("coordinates");
            assertFalse(polygons.isEmpty());
            for (List<List<List<Number>>> polygon : polygons) {
                for (List<List<Number>> ring : polygon) {
                    assertTrue(ring.size() >= 4, properties.get("code") + ": a ring has at least 4 positions");
                    assertEquals(ring.get(0), ring.get(ring.size() - 1), properties.get("code") + ": rings are closed");
                    for (List<Number> position : ring) {
                        double lon = position.get(0).doubleValue();
                        double lat = position.get(1).doubleValue();
                        assertTrue(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90, "WGS84 " + position);
                    }
                }
            }
        }
        // Val de Lorraine sits around Nancy (6.18 E, 48.69 N).
        Map<String, Object> vdl = features.stream()
                .filter(f -> "ti-4420".equals(((Map<?, ?>) f.get("properties")).get("code"))).findFirst().orElseThrow();
        assertEquals("Val de Lorraine", ((Map<?, ?>) vdl.get("properties")).get("name"));
        // Unchanged: 304 on the ETag.
        given().header("If-None-Match", response.header("ETag")).when().get("/api/territories/outlines")
                .then().statusCode(304);
    }

    @Test
    void outlinesOfPhase1AndOfOneTerritory() {
        given().queryParam("phase", "1").when().get("/api/territories/outlines")
                .then().statusCode(200).body("features.size()", equalTo(149),
                        "features.properties.phase", everyItemIs(1), "features.properties.code", hasItem("ti-4413"));
        given().when().get("/api/territories/ti-4420/outline")
                .then().statusCode(200).contentType("application/geo+json").header("ETag", notNullValue())
                .header("Cache-Control", "public, no-cache")
                .body("type", equalTo("Feature"), "properties.code", equalTo("ti-4420"), "properties.phase", equalTo(2),
                        "geometry.type", equalTo("MultiPolygon"));
        given().queryParam("phase", "1").when().get("/api/territories/ti-4413/outline")
                .then().statusCode(200).body("properties.name", equalTo("Val de Lorraine"), "properties.phase", equalTo(1));
        given().when().get("/api/territories/ti-4413/outline")
                .then().statusCode(200).body("properties.name", equalTo("Plaine des Vosges"));
        given().when().get("/api/territories/ti-0000/outline").then().statusCode(404);
        given().queryParam("phase", "3").when().get("/api/territories/outlines")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("phase"));
        // Both are in the service's OpenAPI document (the gateway merges it into the platform's).
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body("paths.'/api/territories/outlines'.get.summary", notNullValue(),
                        "paths.'/api/territories/{code}/outline'.get.summary", notNullValue());
    }

    private static org.hamcrest.Matcher<Iterable<? extends Object>> everyItemIs(Object value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
