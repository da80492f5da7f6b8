package fr.territoires.gateway.headers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import fr.territoires.gateway.routing.EchoUpstreams;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Issue 14: the gateway served /q/metrics to anyone; metrics live on the management interface only. */
@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class MetricsNotServedTest {

    @Test
    void thePublicPortServesNoMetricsButHealth() {
        given().when().get("/q/metrics").then().statusCode(404).body(not(containsString("jvm_")));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @Test
    void theManagementInterfaceServesThem() {
        given().when().get(managementMetrics).then().statusCode(200).body(containsString("jvm_"));
    }

    /** A forwarded request is counted under its route: one series per route, not one per territory or id. */
    @Test
    void forwardedRequestsAreCountedByRouteNotByPath() {
        for (String code : new String[] {"ti-7001", "ti-7002", "ti-7003"}) {
            given().when().get("/api/territories/" + code).then().statusCode(200);
        }
        given().when().get(managementMetrics).then().statusCode(200)
                .body(containsString("uri=\"/api/territories/**\""))
                .body(not(containsString("ti-7001")), not(containsString("ti-7002")), not(containsString("ti-7003")));
    }
}
