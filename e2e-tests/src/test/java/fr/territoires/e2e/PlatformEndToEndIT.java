package fr.territoires.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.stack.OsProcesses;
import fr.territoires.stack.Platform;
import fr.territoires.stack.QuarkusService;
import fr.territoires.stack.Stack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole platform as a user meets it: real PostgreSQL, Kafka and Keycloak, the four packaged
 * services as processes, tokens issued by Keycloak for the realm's demo users and partners.
 */
class PlatformEndToEndIT {

    private static final Path ROOT = BuildInfrastructure.buildRoot();
    private static Stack stack;
    private static final List<QuarkusService> services = new ArrayList<>();
    private static String keycloak;
    private static final Map<String, Integer> ports = new HashMap<>();

    @BeforeAll
    static void startThePlatform() throws IOException {
        List<String> databases = Platform.SERVICES.stream().filter(s -> s.database() != null)
                .map(s -> "e2e_" + s.database()).toList();
        BuildInfrastructure.Postgres pg = BuildInfrastructure.postgres(databases.toArray(String[]::new));
        String kafka = BuildInfrastructure.kafkaBootstrapServers();
        keycloak = BuildInfrastructure.keycloakUrl();
        for (Platform.ServiceModule s : Platform.SERVICES) {
            ports.put(s.name(), OsProcesses.freePort());
        }
        for (Platform.ServiceModule s : Platform.SERVICES) {
            Platform.ServiceModule e2e = new Platform.ServiceModule(s.name(),
                    s.database() == null ? null : "e2e_" + s.database());
            Map<String, String> env = Platform.serviceEnvironment(e2e, pg.host(), pg.port(), pg.user(), pg.password(),
                    kafka, keycloak, url("territory-service"), url("funding-service"), url("recruitment-service"));
            services.add(new QuarkusService(s.name(),
                    ROOT.resolve(s.name()).resolve("target/quarkus-app/quarkus-run.jar"), ports.get(s.name()), env));
        }
        stack = new Stack(ROOT.resolve("e2e-tests/target/platform"), line -> System.out.println("[e2e]" + line));
        stack.start(services);
        for (QuarkusService service : services) {
            BuildInfrastructure.stopWhenBuildEnds(stack, service);
        }
    }

    @AfterAll
    static void stopThePlatform() {
        if (stack != null) {
            stack.stop(services);
        }
    }

    private static String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    private static String gateway() {
        return url("gateway");
    }

    private static String userToken(String username) {
        return KeycloakTokens.user(username);
    }

    @Test
    void aDemoUserWithARealTokenIsAnsweredThroughTheGateway() {
        given().baseUri(gateway()).auth().oauth2(userToken("lead.valdelorraine"))
                .when().get("/api/funding/envelopes")
                .then().statusCode(200)
                .contentType("application/json")
                .body("total", equalTo(0), "page", equalTo(0));
    }

    @Test
    void withoutATokenTheGatewayAnswers401() {
        given().baseUri(gateway())
                .when().get("/api/funding/envelopes")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void theGatewayReadsTheRolesAndScopeKeycloakPutInTheToken() {
        given().baseUri(gateway()).auth().oauth2(userToken("lead.valdelorraine"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("territory-manager"), "roles", not(hasItem("programme-admin")),
                        "territories", hasItem("ti-4401"));
        given().baseUri(gateway()).auth().oauth2(userToken("officer.grandest"))
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("region-officer"), "region", equalTo("44"));
    }

    @Test
    void thePublicRegistryNeedsNoLogin() {
        given().baseUri(gateway())
                .when().get("/api/territories")
                .then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aPartnerServiceAccountReadsThroughTheGateway() {
        String token = given().baseUri(keycloak)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "partner-france-travail")
                .formParam("client_secret", "partner-france-travail-dev-secret")
                .when().post("/realms/territoires/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
        given().baseUri(gateway()).auth().oauth2(token)
                .when().get("/api/recruitment/needs")
                .then().statusCode(200);
        given().baseUri(gateway()).auth().oauth2(token)
                .when().get("/api/me")
                .then().statusCode(200)
                .body("roles", hasItem("partner"));
    }

    @Test
    void aServiceCalledDirectlyChecksTheTokenItself() {
        given().baseUri(url("funding-service"))
                .when().get("/api/funding/envelopes")
                .then().statusCode(401)
                .contentType("application/problem+json");
        given().baseUri(url("funding-service")).auth().oauth2(userToken("partner.demo"))
                .when().get("/api/funding/envelopes")
                .then().statusCode(200);
    }
}
