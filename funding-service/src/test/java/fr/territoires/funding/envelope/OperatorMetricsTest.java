package fr.territoires.funding.envelope;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.admin;
import static fr.territoires.funding.FundingFixtures.api;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.funding.FundingFixtures;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The meters the alert rules and the dashboard read (docs/operations.md, "What to watch"). */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class OperatorMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the one series whose name and labels are given (labels in Prometheus's order). */
    private static Double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    @Test
    void envelopeUtilisationFollowsWhatIsCommitted() {
        String id = api(admin()).body(FundingFixtures.nationalEnvelope("Utilisation " + UUID.randomUUID(), "1000"))
                .when().post("/api/funding/envelopes").then().statusCode(201).extract().path("id");
        String series = "funding_envelope_utilisation_ratio{application=\"funding-service\",envelope=\"" + id
                + "\",funder=\"STATE_ANCT\"}";
        await().atMost(PATIENCE).until(() -> Double.valueOf(0.0).equals(value(metrics(), series)));

        DB.rows("UPDATE envelope SET committed = 250 WHERE id = ?::uuid", id);
        await().atMost(PATIENCE).until(() -> Double.valueOf(0.25).equals(value(metrics(), series)));

        DB.rows("UPDATE envelope SET status = 'CLOSED' WHERE id = ?::uuid", id);
        await().atMost(PATIENCE).until(() -> value(metrics(), series) == null);
    }

    @Test
    void everyMeterNamesItsApplicationAndTheOperatorsMetersExist() {
        api(admin()).when().get("/api/funding/envelopes").then().statusCode(200);
        await().atMost(PATIENCE).until(() -> Double.valueOf(1.0)
                .equals(value(metrics(), "platform_ready{application=\"funding-service\"}")));
        String metrics = metrics();
        // HTTP per route, with the buckets of the p99 alert.
        List<String> buckets = metrics.lines()
                .filter(l -> l.startsWith("http_server_requests_seconds_bucket{") && l.contains("application=\"funding-service\"")
                        && l.contains("uri=\"/api/funding/envelopes\"") && l.contains("status=\"200\""))
                .toList();
        assertTrue(buckets.stream().anyMatch(l -> l.contains("le=\"2.0\"")), "per-route request histogram: " + buckets
                + metrics.lines().filter(l -> l.startsWith("http_server_requests")).limit(5).toList());
        // Backbone: consumer lag per topic, outbox, dead letters; JDBC pool saturation.
        for (String series : new String[] {
            "backbone_consumer_lag{application=\"funding-service\",topic=\"territory.events\"}",
            "backbone_outbox_backlog{application=\"funding-service\"}",
            "backbone_outbox_oldest_pending_seconds{application=\"funding-service\"}",
            "backbone_dead_letters_parked{application=\"funding-service\"}",
            "agroal_awaiting_count{application=\"funding-service\",datasource=\"backbone\"}",
        }) {
            assertTrue(value(metrics, series) != null, series + " missing from /q/metrics: "
                    + metrics.lines().filter(l -> l.startsWith(series.substring(0, series.indexOf('{')))).toList());
        }
        assertTrue(metrics.contains("jvm_memory_used_bytes{application=\"funding-service\",area=\"heap\""), "JVM heap");
    }
}
