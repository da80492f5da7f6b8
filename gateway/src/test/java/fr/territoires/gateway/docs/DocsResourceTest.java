package fr.territoires.gateway.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
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
