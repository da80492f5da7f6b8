package fr.territoires.registry.nationallist;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.registry.reference.ReferenceData;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.Sql;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The official list imported as published, from real communes (Ain and Corse-du-Sud EPCIs, phase 1). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class NationalListImportTest {

    private static final Sql DB = Sql.on("territory");

    @Inject
    ReferenceData reference;

    private static String admin() {
        return TestTokens.programmeAdmin();
    }

    /** The rows of one territory: every commune of the given EPCIs. */
    private String rows(String code, String name, char separator, String... epcis) {
        StringBuilder csv = new StringBuilder();
        for (String epci : epcis) {
            for (String insee : reference.epci(epci).orElseThrow().communes()) {
                String commune = reference.commune(insee).orElseThrow().name();
                csv.append(insee).append(separator).append('"').append(commune).append('"').append(separator)
                        .append(code).append(separator).append('"').append(name).append("\"\n");
            }
        }
        return csv.toString();
    }

    private static io.restassured.response.ValidatableResponse post(String csv, String phase) {
        return given().auth().oauth2(admin()).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("phase", phase).queryParam("effectiveOn", "2019-03-01")
                .when().post("/api/territories/import").then();
    }

    @Test
    void aListIsImportedThenTheSameListChangesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String oyonnax = "ti-i" + run + "a";
        String ajaccio = "ti-i" + run + "b";
        // Two EPCIs of the Ain, one of Corse-du-Sud (2A codes), from the reference data.
        List<String> ain = reference.epcis().values().stream()
                .filter(e -> reference.commune(e.communes().get(0)).orElseThrow().departement().equals("01"))
                .map(ReferenceData.Epci::siren).sorted().limit(2).toList();
        String corse = reference.commune("2A004").orElseThrow().epci();
        String csv = "\uFEFFinsee_com;lib_com;id_ti;lib_ti\n"
                + rows(oyonnax, "Plastics Vallée", ';', ain.toArray(String[]::new))
                + rows(ajaccio, "Pays Ajaccien", ';', corse);
        int lines = (int) csv.lines().count() - 1;

        post(csv, "2019-2022").statusCode(200)
                .body("rows", equalTo(lines), "territories", equalTo(2), "created", equalTo(2), "unchanged", equalTo(0),
                        "lines.outcome", everyItem(equalTo("CREATED")));
        given().auth().oauth2(admin()).queryParam("asOf", "2019-03-01")
                .when().get("/api/territories/" + oyonnax + "/perimeter")
                .then().statusCode(200).body("epcis.siren", containsInAnyOrder(ain.toArray()),
                        "departements.code", hasItems("01"));
        given().when().get("/api/territories/" + ajaccio).then().statusCode(200)
                .body("name", equalTo("Pays Ajaccien"), "status", equalTo("LABELLED"));
        long events = DB.count("SELECT count(*) FROM outbox_event WHERE event_key IN (?, ?)", oyonnax, ajaccio);
        assertEquals(4, events, "a perimeter and a label for each");

        post(csv, "2019-2022").statusCode(200)
                .body("created", equalTo(0), "updated", equalTo(0), "unchanged", equalTo(2),
                        "lines.outcome", everyItem(equalTo("UNCHANGED")));
        assertEquals(events, DB.count("SELECT count(*) FROM outbox_event WHERE event_key IN (?, ?)", oyonnax, ajaccio));

        // The export is the same format: exported, it imports back as unchanged.
        String exported = given().queryParam("phase", "2019-2022").queryParam("asOf", "2019-03-01")
                .when().get("/api/territories/export")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        String ours = "insee_com;lib_com;id_ti;lib_ti\n" + exported.lines()
                .filter(l -> l.contains(";" + oyonnax + ";") || l.contains(";" + ajaccio + ";"))
                .collect(java.util.stream.Collectors.joining("\n")) + "\n";
        assertEquals(lines, ours.lines().count() - 1);
        post(ours, "2019-2022").statusCode(200).body("unchanged", equalTo(2));
        given().queryParam("phase", "2019-2022").queryParam("asOf", "2019-03-01").queryParam("format", "json")
                .when().get("/api/territories/export")
                .then().statusCode(200)
                .body("items.find { it.code == '" + ajaccio + "' }.regions.name", hasItems("Corse"),
                        "items.find { it.code == '" + ajaccio + "' }.communes", hasItems("2A004"));
    }

    /**
     * Two imports at once of the same two territories, listed in opposite orders: each takes both
     * territories' locks in code order before changing anything, so neither deadlocks and the second
     * applies its whole file after the first (both territories end with the names of one file).
     */
    @Test
    void twoImportsOfTheSameTerritoriesInOppositeOrdersBothComplete() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String first = "ti-d" + run + "a";
        String second = "ti-d" + run + "b";
        // Two EPCIs of the Ardennes, which no other test of the registry uses.
        List<String> ardennes = reference.epcis().values().stream()
                .filter(e -> reference.commune(e.communes().get(0)).orElseThrow().departement().equals("08"))
                .map(ReferenceData.Epci::siren).sorted().limit(2).toList();
        String header = "insee_com;lib_com;id_ti;lib_ti\n";
        post(header + rows(first, "Ardennes A", ';', ardennes.get(0)) + rows(second, "Ardennes B", ';', ardennes.get(1)),
                "2019-2022").statusCode(200).body("created", equalTo(2));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String inOrder = header + rows(first, "Ardennes A " + round + " x", ';', ardennes.get(0))
                        + rows(second, "Ardennes B " + round + " x", ';', ardennes.get(1));
                String reversed = header + rows(second, "Ardennes B " + round + " y", ';', ardennes.get(1))
                        + rows(first, "Ardennes A " + round + " y", ';', ardennes.get(0));
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> x = pool.submit(() -> {
                    start.await();
                    return post(inOrder, "2019-2022").extract().statusCode();
                });
                Future<Integer> y = pool.submit(() -> {
                    start.await();
                    return post(reversed, "2019-2022").extract().statusCode();
                });
                start.countDown();
                assertEquals(List.of(200, 200), List.of(x.get(60, TimeUnit.SECONDS), y.get(60, TimeUnit.SECONDS)),
                        "round " + round + ": both imports complete");
                String a = given().when().get("/api/territories/" + first).then().statusCode(200).extract().path("name");
                String b = given().when().get("/api/territories/" + second).then().statusCode(200).extract().path("name");
                assertEquals(a.substring(a.length() - 1), b.substring(b.length() - 1),
                        "round " + round + ": one import applied after the other, whole (" + a + ", " + b + ")");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileWithARejectedRowChangesNothing() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String a = "ti-r" + run + "a";
        String b = "ti-r" + run + "b";
        String csv = "insee_com,lib_com,id_ti,lib_ti\n"
                + "2B033,Bastia," + a + ",Bastia\n"
                + "99999,Nowhere," + a + ",Bastia\n"
                + "2B033,Bastia," + b + ",Other\n";
        post(csv, "2019-2022").statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("line 2", "line 3", "line 4"),
                        "errors.message", hasItems("unknown commune 99999 in @etalab/decoupage-administratif 6.0.0",
                                "commune 2B033 is claimed by " + a + " and " + b));
        assertEquals(0, DB.count("SELECT count(*) FROM territory WHERE code IN (?, ?)", a, b));
    }

    @Test
    void badParametersAndRolesAreRefused() {
        post("insee_com;lib_com;id_ti\n", "2019-2022").statusCode(400).body("errors[0].field", equalTo("file"));
        post("insee_com;lib_com;id_ti;lib_ti\n54431;X;ti-x;X\n", "2030-2034").statusCode(400)
                .body("errors[0].field", equalTo("phase"));
        given().auth().oauth2(TestTokens.partner()).contentType("text/csv")
                .body("insee_com;lib_com;id_ti;lib_ti\n").when().post("/api/territories/import").then().statusCode(403);
    }
}
