package fr.territoires.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./platform up --monitoring}'s Prometheus: the real Debian binary scrapes a service's
 * /q/metrics (here a stand-in serving the readiness metric), loads the platform's alert rules, and
 * fires ServiceNotReady's pending state from what it scraped.
 */
class PrometheusServerTest {

    @TempDir
    Path runDir;

    @Test
    void scrapesTheServicesWithThePlatformsAlertRules() throws Exception {
        if (PrometheusBinaries.find("prometheus").isEmpty() && !PrometheusBinaries.canInstall()) {
            Assumptions.abort("prometheus is missing and this build is not root: install Debian's 'prometheus' package");
        }
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/q/metrics", exchange -> {
            byte[] body = "# TYPE platform_ready gauge\nplatform_ready{application=\"funding-service\"} 0.0\n"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        List<String> out = new ArrayList<>();
        Stack stack = new Stack(runDir, out::add);
        PrometheusServer prometheus = new PrometheusServer(runDir, OsProcesses.freePort(),
                Map.of("funding-service", "127.0.0.1:" + service.getAddress().getPort()), null);
        try {
            stack.start(List.of(prometheus));
            String rules = get(prometheus.url() + "/api/v1/rules");
            for (String alert : List.of("OutboxEventTooOld", "DeadLetterParked", "ServiceNotReady", "KeycloakNotReady")) {
                assertTrue(rules.contains("\"name\":\"" + alert + "\""), alert + " not loaded: " + rules);
            }
            // Scrapes every 5 s and evaluates every 5 s: wait for the target, then for the pending alert.
            String targets = waitFor(prometheus.url() + "/api/v1/targets", "\"health\":\"up\"");
            assertTrue(targets.contains("\"job\":\"funding-service\""), targets);
            String alerts = waitFor(prometheus.url() + "/api/v1/alerts", "ServiceNotReady");
            assertTrue(alerts.contains("\"state\":\"pending\""), alerts);
        } finally {
            stack.stop(List.of(prometheus));
            service.stop(0);
        }
    }

    private static String waitFor(String url, String expected) throws Exception {
        String body = "";
        for (int i = 0; i < 120 && !body.contains(expected); i++) {
            Thread.sleep(500);
            body = get(url);
        }
        assertTrue(body.contains(expected), url + " never showed " + expected + ": " + body);
        return body;
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
