package fr.territoires.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.gateway.routing.EchoUpstreams;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The web console at the gateway's origin: its files, its deep links, its own CSP; the API keeps its own. */
@QuarkusTest
@WithTestResource(value = EchoUpstreams.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsolePagesTest {

    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void theConsoleIsServedAtTheRootWithAStrictPolicyOfItsOwn() {
        given().when().get("/")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\"></div>"), not(containsString("<script>")))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                // No inline script, no eval; the only 'unsafe-inline' is react-dsfr's style attributes.
                .header("Content-Security-Policy", not(org.hamcrest.Matchers.matchesPattern(
                        ".*(script-src|default-src|style-src|style-src-elem) [^;]*unsafe-inline.*")))
                .header("Content-Security-Policy", containsString("style-src-attr 'unsafe-inline'"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void aDeepLinkGetsTheConsoleWhichShowsThePage() {
        given().when().get("/territoires/ti-0000")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\"></div>"))
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", containsString("script-src 'self';"));
        given().when().get("/espace/territoire/ti-0000?x=1").then().statusCode(200).body(containsString("id=\"root\""));
        // The partner guide is public: no sign-in, the console itself shows it.
        given().when().get("/partenaires").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\"></div>"), not(containsString("<script>")))
                .header("Content-Security-Policy", containsString("script-src 'self';"));
    }

    @Test
    void theApiAndMissingFilesKeepTheir404AndTheApiItsPolicy() {
        given().when().get("/api/nothing-here").then().statusCode(404).header("Content-Security-Policy", API_CSP);
        given().when().get("/assets/missing-file.js").then().statusCode(404);
        given().when().get("/api/territories").then().statusCode(200).header("Content-Security-Policy", API_CSP);
    }

    @Test
    void theConsoleLearnsWhereToSignInFromTheGateway() {
        given().when().get("/api/console/config")
                .then().statusCode(200)
                .body("clientId", equalTo("web-console"), "authority", containsString("/realms/territoires"));
    }

    @Test
    void consoleRoutesAreThoseOutsideTheApiAndToolsWithoutAFileName() {
        assertTrue(ConsolePages.isConsoleRoute("/"));
        assertTrue(ConsolePages.isConsoleRoute("/territoires/ti-4420"));
        assertTrue(ConsolePages.isConsoleRoute("/espace/region"));
        assertTrue(ConsolePages.isConsoleRoute("/partenaires"));
        assertFalse(ConsolePages.isConsoleRoute("/api/territories"));
        assertFalse(ConsolePages.isConsoleRoute("/api"));
        assertFalse(ConsolePages.isConsoleRoute("/q/health"));
        assertFalse(ConsolePages.isConsoleRoute("/assets/index.js"));
        assertFalse(ConsolePages.isConsoleRoute("/favicon.ico"));
    }
}
