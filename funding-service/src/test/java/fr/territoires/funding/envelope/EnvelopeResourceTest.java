package fr.territoires.funding.envelope;

import static io.restassured.RestAssured.given;
import static io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.ReactiveDb;
import fr.territoires.testing.SecuredEndpointContract;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class EnvelopeResourceTest extends SecuredEndpointContract {

    @Inject
    EnvelopeRepository envelopes;

    @Override
    protected String securedPath() {
        return "/api/funding/envelopes";
    }

    @BeforeEach
    void noEnvelopes() {
        ReactiveDb.inTransaction(() -> envelopes.deleteAll());
    }

    @Test
    void listsEnvelopesByNameWithExactAmounts() {
        ReactiveDb.inTransaction(() -> envelopes.persist(
                Envelope.open(Envelope.Funder.REGION, "44", "Grand Est — industrie", Envelope.Priority.INNOVATE,
                        new BigDecimal("2500000.00")),
                Envelope.open(Envelope.Funder.BANQUE_DES_TERRITOIRES, null, "Foncier industriel",
                        Envelope.Priority.ATTRACT, new BigDecimal("1000000.10"))));

        given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(BIG_DECIMAL)))
                .header("Authorization", TestTokens.user("officer.grandest").roles("region-officer").region("44").bearer())
                .when().get("/api/funding/envelopes")
                .then().statusCode(200)
                .body("items.name", contains("Foncier industriel", "Grand Est — industrie"),
                        "items[0].ceiling", equalTo(new BigDecimal("1000000.10")),
                        "items[1].region", equalTo("44"),
                        "items[1].funder", equalTo("REGION"),
                        "total", equalTo(2));
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "Kafka connection health check"));
    }
}
