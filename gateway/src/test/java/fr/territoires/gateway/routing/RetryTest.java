package fr.territoires.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The funding-service stand-in drops the first requests for a URI when asked (X-Echo-Drop-First) and
 * counts what it received ({@code seen}); each test uses a URI of its own.
 */
@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RetryTest {

    private static String token() {
        return TestTokens.user("officer.grandest").roles("region-officer").region("44").token();
    }

    private static String freshUri() {
        return "/api/funding/envelopes/" + UUID.randomUUID();
    }

    @Test
    void aReadThatFindsTheServiceGoneIsTriedAgain() {
        String uri = freshUri();
        given().auth().oauth2(token()).header("X-Echo-Drop-First", "1")
                .when().get(uri)
                .then().statusCode(200)
                .body("seen", equalTo(2), "method", equalTo("GET"));
    }

    @Test
    void aBodylessDeleteIsTriedAgainAtMostTwice() {
        String uri = freshUri();
        given().auth().oauth2(token()).header("X-Echo-Drop-First", "3")
                .when().delete(uri)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("funding-service is unavailable; other services keep working"));
        given().auth().oauth2(token()).when().get(uri)
                .then().statusCode(200).body("seen", equalTo(4)); // 3 attempts, then this read
    }

    @Test
    void aPostIsNeverTriedAgain() {
        String uri = freshUri();
        given().auth().oauth2(token()).header("X-Echo-Drop-First", "1")
                .contentType("application/json").body("{\"amount\":1000000.00}")
                .when().post(uri)
                .then().statusCode(503)
                .contentType("application/problem+json");
        given().auth().oauth2(token()).when().get(uri)
                .then().statusCode(200).body("seen", equalTo(2)); // the POST once, then this read
    }

    @Test
    void aPutWithABodyIsNotTriedAgainEither() {
        String uri = freshUri();
        given().auth().oauth2(token()).header("X-Echo-Drop-First", "1")
                .contentType("application/json").body("{\"amount\":1000000.00}")
                .when().put(uri)
                .then().statusCode(503);
        given().auth().oauth2(token()).when().get(uri)
                .then().statusCode(200).body("seen", equalTo(2));
    }
}
