package fr.territoires.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.e2e.OtlpReceiver.Kind;
import fr.territoires.e2e.OtlpReceiver.ReceivedSpan;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One trace through the whole platform, as an operator's collector receives it: a request through
 * the gateway that commits in territory-service and is consumed by funding- and recruitment-service
 * yields spans of the gateway, the service, the outbox relay and each consumer, sharing one trace id.
 */
class TracingIT {

    private static E2ePlatform platform;

    @BeforeAll
    static void startThePlatform() {
        platform = E2ePlatform.get();
    }

    @Test
    void aCommittedAndConsumedRequestIsOneTraceAcrossTheGatewayTheServiceKafkaAndTheConsumers() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        String code = "ti-tr" + UUID.randomUUID().toString().substring(0, 6);

        given().baseUri(platform.gateway()).auth().oauth2(KeycloakTokens.user("admin.programme"))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType("application/json")
                .body(Map.of("code", code, "name", "Territoire traçé", "status", "LABELLED"))
                .when().post("/api/territories")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            List<ReceivedSpan> trace = platform.traces().ofTrace(traceId);
            return has(trace, "funding-service", Kind.CONSUMER) && has(trace, "recruitment-service", Kind.CONSUMER);
        });
        List<ReceivedSpan> trace = platform.traces().ofTrace(traceId);
        String summary = trace.stream().map(s -> s.service() + " " + s.kind() + " " + s.name())
                .collect(Collectors.joining("\n"));

        ReceivedSpan gateway = one(trace, "gateway", Kind.SERVER, summary);
        assertEquals(callerSpan, gateway.parentSpanId(), "the gateway continues the caller's trace");
        ReceivedSpan service = one(trace, "territory-service", Kind.SERVER, summary);
        assertTrue(trace.stream().anyMatch(s -> s.service().equals("gateway") && s.kind() == Kind.CLIENT
                && s.spanId().equals(service.parentSpanId())), "the service continues the gateway's call:\n" + summary);
        List<ReceivedSpan> published = trace.stream()
                .filter(s -> s.service().equals("territory-service") && s.kind() == Kind.PRODUCER).toList();
        assertFalse(published.isEmpty(), summary);
        Set<String> serviceSpans = trace.stream().filter(s -> s.service().equals("territory-service"))
                .map(ReceivedSpan::spanId).collect(Collectors.toSet());
        for (ReceivedSpan publish : published) {
            assertEquals("territory.events publish", publish.name());
            assertTrue(serviceSpans.contains(publish.parentSpanId()), "published under the request: " + summary);
        }
        for (String consumer : List.of("funding-service", "recruitment-service")) {
            List<ReceivedSpan> processed = trace.stream()
                    .filter(s -> s.service().equals(consumer) && s.kind() == Kind.CONSUMER).toList();
            for (ReceivedSpan process : processed) {
                assertEquals("territory.events process", process.name());
                assertTrue(serviceSpans.contains(process.parentSpanId()),
                        consumer + " continues from ce_traceparent: " + summary);
            }
        }
    }

    private static boolean has(List<ReceivedSpan> trace, String service, Kind kind) {
        return trace.stream().anyMatch(s -> s.service().equals(service) && s.kind() == kind);
    }

    private static ReceivedSpan one(List<ReceivedSpan> trace, String service, Kind kind, String summary) {
        List<ReceivedSpan> found = trace.stream().filter(s -> s.service().equals(service) && s.kind() == kind).toList();
        assertEquals(1, found.size(), service + " " + kind + " spans in:\n" + summary);
        return found.get(0);
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
