package fr.territoires.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import fr.territoires.gateway.routing.EchoUpstreams;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** One documentation entry point, public: the merged OpenAPI, the AsyncAPI and its schemas. */
@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class DocsResourceTest {

    @Test
    void theServicesOpenApiDocumentsAreMergedAndADownServiceIsNamed() {
        given().when().get("/api/docs/openapi.json")
                .then().statusCode(200)
                .body("paths", hasKey("/api/territory-service"), "paths", hasKey("/api/funding-service"),
                        "components.schemas", hasKey("Summary"), "components.schemas", hasKey("territory-service.Summary"),
                        "paths.'/api/territory-service'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/territory-service.Summary"),
                        "'x-unavailable-services'[0]", equalTo("recruitment-service"));
    }

    @Test
    void theMergedDocumentIsOneOpenApi31DocumentWithServersTheGatewaysOwnOperationsAndItsAnswers() {
        given().when().get("/api/docs/openapi.json")
                .then().statusCode(200)
                .body("openapi", equalTo("3.1.0"),
                        "servers[0].url", equalTo("http://localhost:8080"),
                        "paths", hasKey("/api/me"), "paths", hasKey("/api/docs/openapi.json"),
                        "paths.'/api/me'.get.operationId", equalTo("me"),
                        "paths.'/api/docs/openapi.json'.get.security.size()", equalTo(0),
                        "paths.'/api/me'.get.security[0]", hasKey("SecurityScheme"),
                        "paths.'/api/me'.get.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"),
                        "paths.'/api/territory-service'.get.responses.'429'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"),
                        "components.schemas.Problem.required", hasItem("status"),
                        "components.securitySchemes", hasKey("SecurityScheme"));
    }

    @Test
    void theEventsAreAlsoOfferedAsOneSelfContainedFile() {
        String bundled = given().when().get("/api/docs/asyncapi.bundled.yaml")
                .then().statusCode(200).contentType(containsString("yaml"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(bundled.contains("schemas/territory/"), "no reference to another file");
        org.junit.jupiter.api.Assertions.assertTrue(bundled.contains("$ref: \"#/components/schemas/territory.labelled.v1\"")
                || bundled.contains("$ref: '#/components/schemas/territory.labelled.v1'")
                || bundled.contains("$ref: \"#/components/schemas/territory.labelled.v1/"), bundled.substring(0, 2000));
        org.junit.jupiter.api.Assertions.assertTrue(bundled.contains("territory.labelled.v1:"), "the schema is inlined");
    }

    @Test
    void theEventsAreDocumentedWithTheirSchemas() {
        given().when().get("/api/docs/asyncapi.yaml")
                .then().statusCode(200).contentType(containsString("yaml"))
                .body(containsString("fr.territoires.funding.funds-committed.v1"));
        given().when().get("/api/docs/schemas/territory/labelled.v1.json")
                .then().statusCode(200).body("$id", equalTo("urn:territoires:event:fr.territoires.territory.labelled.v1"));
        given().when().get("/api/docs/schemas/territory/..%2Fasyncapi.yaml").then().statusCode(404);
        given().when().get("/api/docs/schemas/territory/nothing.v1.json")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
