package fr.territoires.backbone.tracing;

import static fr.territoires.backbone.BackboneTestApp.DB;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.backbone.BackboneTestApp;
import fr.territoires.backbone.CloudEventHeaders;
import fr.territoires.backbone.testapp.InMemorySpans;
import fr.territoires.backbone.testapp.TestWriter;
import fr.territoires.events.Topics;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * One trace from a request to a consumer's effect, on the real PostgreSQL and Kafka: the request's
 * span is captured in the outbox row (same transaction), the relay publishes it as ce_traceparent
 * and its publication is a span of the trace, and the consumer processes the event in a child span
 * of it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = BackboneTestApp.DATABASE),
        @ResourceArg(name = "dedicatedKafka", value = BackboneTestApp.BROKER) })
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TracePropagationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    InMemorySpans spans;

    @Inject
    TestWriter writer;

    @Test
    void aRequestsTraceGoesThroughTheOutboxAndKafkaToTheConsumer() {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        String key = "ti-trace-" + UUID.randomUUID().toString().substring(0, 8);

        // A caller (the gateway, a browser's instrumentation) sends its trace context.
        given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .when().post("/test/traced-writes/" + key)
                .then().statusCode(204);

        // The outbox row holds the request's span, written in the request's transaction.
        String stored = (String) DB.rows("SELECT trace_parent FROM outbox_event WHERE event_key = ?", key).get(0)
                .get("trace_parent");
        assertTrue(stored != null && stored.matches("00-" + traceId + "-[0-9a-f]{16}-01"), "stored: " + stored);
        String requestSpanId = stored.substring(36, 52);
        assertNotEquals(callerSpanId, requestSpanId, "the service's own span, child of the caller's");

        // The relay publishes it as the CloudEvents distributed-tracing extension.
        KafkaTopics.Message message = KafkaTopics.readUntil(BackboneTestApp.bootstrap(), Topics.TERRITORY,
                seen -> seen.stream().anyMatch(m -> key.equals(m.key())), PATIENCE).stream()
                .filter(m -> key.equals(m.key())).findFirst().orElseThrow();
        assertEquals(stored, message.header(CloudEventHeaders.TRACEPARENT));

        // The consumer applied it, and every span of the way shares the caller's trace id.
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key) == 1);
        await().atMost(PATIENCE).until(() -> spans.ofTrace(traceId).stream()
                .anyMatch(s -> s.getKind() == SpanKind.CONSUMER && s.hasEnded()));
        List<SpanData> trace = spans.ofTrace(traceId);

        SpanData server = only(trace, SpanKind.SERVER);
        assertEquals(callerSpanId, server.getParentSpanId(), "the request's span continues the caller's");
        assertEquals(requestSpanId, server.getSpanId(), "the outbox holds the request's span");

        SpanData publish = only(trace, SpanKind.PRODUCER);
        assertEquals(Topics.TERRITORY + " publish", publish.getName());
        assertEquals(requestSpanId, publish.getParentSpanId());

        SpanData process = only(trace, SpanKind.CONSUMER);
        assertEquals(Topics.TERRITORY + " process", process.getName());
        assertEquals(requestSpanId, process.getParentSpanId(), "the consumer continues from ce_traceparent");
        assertEquals("applied", process.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("backbone.outcome")).map(Map.Entry::getValue)
                .findFirst().orElseThrow());
    }

    @Test
    void reDrivingADeadLetterContinuesTheEventsTraceLinkedToTheAdministratorsRequest() {
        String traceId = hex(16);
        String key = "ti-redrive-" + UUID.randomUUID().toString().substring(0, 8);
        DB.rows("INSERT INTO test_failing_key VALUES (?)", key);
        given().header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .when().post("/test/traced-writes/" + key)
                .then().statusCode(204);
        String requestSpanId = ((String) DB.rows("SELECT trace_parent FROM outbox_event WHERE event_key = ?", key)
                .get(0).get("trace_parent")).substring(36, 52);
        await().atMost(PATIENCE).until(() -> DB.count(
                "SELECT count(*) FROM dead_letter WHERE event_key = ? AND status = 'PARKED'", key) == 1);
        long id = ((Number) DB.rows("SELECT id FROM dead_letter WHERE event_key = ?", key).get(0).get("id")).longValue();
        DB.rows("DELETE FROM test_failing_key WHERE event_key = ?", key);

        // The programme team re-drives it, in a request of its own trace.
        String adminTraceId = hex(16);
        given().auth().oauth2(TestTokens.programmeAdmin())
                .header("traceparent", "00-" + adminTraceId + "-" + hex(8) + "-01")
                .when().post("/test/admin/dead-letters/" + id + "/redrive")
                .then().statusCode(200);
        assertEquals(1, DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key));

        await().atMost(PATIENCE).until(() -> spans.ofTrace(traceId).stream()
                .anyMatch(s -> s.getName().equals(Topics.TERRITORY + " redrive")));
        SpanData redriven = spans.ofTrace(traceId).stream()
                .filter(s -> s.getName().equals(Topics.TERRITORY + " redrive")).findFirst().orElseThrow();
        assertEquals(requestSpanId, redriven.getParentSpanId(), "the re-drive continues from ce_traceparent");
        assertEquals(SpanKind.CONSUMER, redriven.getKind());
        assertEquals("redriven", redriven.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("backbone.outcome")).map(Map.Entry::getValue)
                .findFirst().orElseThrow());
        await().atMost(PATIENCE).until(() -> spans.ofTrace(adminTraceId).stream()
                .anyMatch(s -> s.getKind() == SpanKind.SERVER));
        SpanData adminRequest = only(spans.ofTrace(adminTraceId), SpanKind.SERVER);
        assertEquals(1, redriven.getLinks().size(), "linked to the request that asked for it");
        assertEquals(adminTraceId, redriven.getLinks().get(0).getSpanContext().getTraceId());
        assertEquals(adminRequest.getSpanId(), redriven.getLinks().get(0).getSpanContext().getSpanId());
        // Not a span of the administrator's trace: that trace only leads to it by the link.
        assertTrue(spans.ofTrace(adminTraceId).stream().noneMatch(s -> s.getName().endsWith(" redrive")));
    }

    @Test
    void anEventWrittenOutsideAnyTraceCarriesNoTraceparent() {
        String key = "ti-untraced-" + UUID.randomUUID().toString().substring(0, 8);
        writer.write(key, "untraced", 0);
        assertNull(DB.rows("SELECT trace_parent FROM outbox_event WHERE event_key = ?", key).get(0).get("trace_parent"));
        KafkaTopics.Message message = KafkaTopics.readUntil(BackboneTestApp.bootstrap(), Topics.TERRITORY,
                seen -> seen.stream().anyMatch(m -> key.equals(m.key())), PATIENCE).stream()
                .filter(m -> key.equals(m.key())).findFirst().orElseThrow();
        assertNull(message.header(CloudEventHeaders.TRACEPARENT));
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM test_applied WHERE event_key = ?", key) == 1);
    }

    private static SpanData only(List<SpanData> trace, SpanKind kind) {
        List<SpanData> found = trace.stream().filter(s -> s.getKind() == kind).toList();
        assertEquals(1, found.size(), kind + " spans of the trace: " + trace);
        return found.get(0);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros
        return HexFormat.of().formatHex(b);
    }
}
