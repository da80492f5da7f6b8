package fr.territoires.registry.territory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.entry.TerritoryRepository;
import fr.territoires.registry.entry.TerritoryStatus;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.ReactiveDb;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "territory"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TerritoryResourceTest {

    @Inject
    TerritoryRepository territories;

    /** These tests read the whole list: they start from an empty registry (perimeters first: they refer to it). */
    @BeforeEach
    void emptyRegistry() {
        ReactiveDb.inTransaction(EmptyRegistry::delete);
    }

    @Test
    void anEmptyRegistryListsNothing() {
        given().when().get("/api/territories")
                .then().statusCode(200)
                .contentType("application/json")
                .body("items.size()", equalTo(0), "total", equalTo(0), "page", equalTo(0), "size", equalTo(20));
    }

    @Test
    void listsTerritoriesInCodeOrderPageByPageWithoutLogin() {
        ReactiveDb.inTransaction(() -> territories.persist(
                Territory.of("ti-4408", "Nord Lorraine", TerritoryStatus.LABELLED, false),
                Territory.of("ti-4420", "Val de Lorraine", TerritoryStatus.LABELLED, true),
                Territory.of("ti-8413", "Plastics Vallée – Oyonnax", TerritoryStatus.LABELLED, false)));

        given().queryParam("size", 2).when().get("/api/territories")
                .then().statusCode(200)
                .body("items.code", contains("ti-4408", "ti-4420"),
                        "items[1].name", equalTo("Val de Lorraine"),
                        "items[1].pilot", equalTo(true),
                        "items[0].status", equalTo("LABELLED"),
                        "total", equalTo(3), "totalPages", equalTo(2));
        given().queryParam("page", 1).queryParam("size", 2).when().get("/api/territories")
                .then().statusCode(200)
                .body("items.code", contains("ti-8413"), "items[0].name", equalTo("Plastics Vallée – Oyonnax"));
    }

    @Inject
    fr.territoires.registry.reference.ReferenceData reference;

    private static void create(String code, String name, String status, String phase, String epci) {
        String admin = fr.territoires.testing.TestTokens.programmeAdmin();
        given().auth().oauth2(admin).contentType("application/json")
                .body(java.util.Map.of("code", code, "name", name, "status", status, "phases", java.util.List.of(phase)))
                .when().post("/api/territories").then().statusCode(201);
        given().auth().oauth2(admin).contentType("application/json")
                .body(java.util.Map.of("epcis", java.util.List.of(epci), "effectiveOn", "2020-01-01"))
                .when().put("/api/territories/" + code + "/perimeter").then().statusCode(200);
    }

    @Test
    void searchesByRegionDepartementPhaseStatusAndName() {
        create("ti-4420", "Val de Lorraine", "LABELLED", "2023-2027", "245400601");
        create("ti-8413", "Plastics Vallée – Oyonnax", "LABELLED", "2023-2027", reference.commune("01283").orElseThrow().epci());
        create("ti-9401", "Pays Ajaccien", "CANDIDATE", "2019-2022", reference.commune("2A004").orElseThrow().epci());

        given().queryParam("region", "44").when().get("/api/territories")
                .then().statusCode(200)
                .body("items.code", contains("ti-4420"), "items[0].regions", contains("44"),
                        "items[0].departements", contains("54"), "total", equalTo(1));
        given().queryParam("departement", "2A").when().get("/api/territories")
                .then().body("items.code", contains("ti-9401"));
        given().queryParam("phase", "2019-2022").when().get("/api/territories")
                .then().body("items.code", contains("ti-9401"));
        given().queryParam("status", "LABELLED").when().get("/api/territories")
                .then().body("items.code", contains("ti-4420", "ti-8413"));
        given().queryParam("q", "VALLÉE").when().get("/api/territories")
                .then().body("items.code", contains("ti-8413"));
        given().queryParam("q", "lorraine").queryParam("region", "84").when().get("/api/territories")
                .then().body("total", equalTo(0));
        given().queryParam("q", "100%").when().get("/api/territories")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badFiltersAreNamed() {
        given().queryParam("region", "4").queryParam("status", "GONE").queryParam("departement", "999")
                .queryParam("phase", "2030")
                .when().get("/api/territories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("region", "status", "departement", "phase"));
    }

    @Test
    void outOfRangePagingIsAProblemNamingTheField() {
        given().queryParam("size", 0).when().get("/api/territories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400), "type", equalTo("urn:territoires:problem:validation"),
                        "errors[0].field", equalTo("size"), "errors[0].message", equalTo("must be between 1 and 100"));
        given().queryParam("page", "first").when().get("/api/territories")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"), "errors[0].message", equalTo("must be a whole number"));
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        given().when().get("/api/territories/ti-4420/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404), "detail", not(containsString("Exception")));
    }

    @Test
    void readinessCoversTheDatabaseAndTheBackboneNotKafka() {
        // Kafka is not a readiness check: no request needs it (docs/decisions.md #17, KafkaOutageUnderLoadTest).
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"),
                        "checks.name", hasItems("Reactive PostgreSQL connections health check", "Event backbone"),
                        "checks.name", not(hasItems("Kafka connection health check")),
                        "checks.status", not(hasItems("DOWN")));
    }

    @Test
    void servesItsOpenApiDocumentAndMetrics() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/territories"));
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("http_server_requests_seconds"));
    }
}
