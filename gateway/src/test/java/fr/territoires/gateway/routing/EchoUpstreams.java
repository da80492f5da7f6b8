package fr.territoires.gateway.routing;

import com.sun.net.httpserver.HttpServer;
import fr.territoires.stack.OsProcesses;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Two real HTTP servers standing in for territory-service and funding-service: each answers with
 * what it received (method, path, headers, body length and digest) and {@code seen}, how many
 * requests for that URI it has received so far. recruitment-service points at a port where nothing
 * listens, to see a service that is down.
 * <p>
 * A request with {@code X-Echo-Drop-First: n} is dropped (the connection closed without an answer,
 * as by a crashing service) while its URI has been seen at most n times: tests make flaky or dead
 * services that way, on URIs of their own, and count the attempts with {@code seen}.
 * A request with {@code X-Echo-Slow-Bytes: n} is answered n bytes in 1 KB pieces 20 ms apart, for a caller that
 * hangs up in the middle of an answer.
 * Each answer also carries amounts as funding-service writes them ({@code committed: 154000.00}), to
 * see that the gateway passes them on with their cents.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private HttpServer territory;
    private HttpServer funding;

    @Override
    public Map<String, String> start() {
        territory = echo("territory-service");
        funding = echo("funding-service");
        return Map.of(
                "gateway.services.territory-service.url", "http://127.0.0.1:" + territory.getAddress().getPort(),
                "gateway.services.funding-service.url", "http://127.0.0.1:" + funding.getAddress().getPort(),
                "gateway.services.recruitment-service.url", "http://127.0.0.1:" + OsProcesses.freePort());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void slowAnswer(com.sun.net.httpserver.HttpExchange exchange, int bytes) {
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        byte[] piece = new byte[1024];
        try (java.io.OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0); // chunked
            for (int sent = 0; sent < bytes; sent += piece.length) {
                out.write(piece);
                out.flush();
                Thread.sleep(20);
            }
        } catch (IOException e) {
            // the gateway hung up on it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private static HttpServer echo(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            Map<String, AtomicInteger> seenByUri = new ConcurrentHashMap<>();
            server.createContext("/", exchange -> {
                int seen = seenByUri.computeIfAbsent(exchange.getRequestURI().toString(), u -> new AtomicInteger())
                        .incrementAndGet();
                MessageDigest sha = sha256();
                long length = 0;
                try (InputStream body = exchange.getRequestBody()) {
                    byte[] buffer = new byte[8192];
                    for (int n; (n = body.read(buffer)) > 0;) {
                        sha.update(buffer, 0, n);
                        length += n;
                    }
                }
                String dropFirst = exchange.getRequestHeaders().getFirst("X-Echo-Drop-First");
                if (dropFirst != null && seen <= Integer.parseInt(dropFirst)) {
                    exchange.close(); // before any answer: the connection is closed
                    return;
                }
                String slowBytes = exchange.getRequestHeaders().getFirst("X-Echo-Slow-Bytes");
                if (slowBytes != null) { // a long answer in 1 KB pieces 20 ms apart: its caller may hang up midway
                    slowAnswer(exchange, Integer.parseInt(slowBytes));
                    return;
                }
                if (exchange.getRequestURI().getPath().equals("/q/openapi") && name.equals("funding-service") && seen == 1) {
                    // The first ask for funding's document fails (a busy service): the gateway must ask again.
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                if (exchange.getRequestURI().getPath().equals("/q/openapi")) {
                    // Each stand-in documents one path and a schema both share under the same name, differently.
                    answer(exchange, "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/" + name + "\":{\"get\":{"
                            + "\"responses\":{\"200\":{\"content\":{\"application/json\":{\"schema\":{"
                            + "\"$ref\":\"#/components/schemas/Summary\"}}}}}}}},\"components\":{\"schemas\":{"
                            + "\"Summary\":{\"type\":\"object\",\"description\":\"" + name + "\"}}},"
                            + "\"tags\":[{\"name\":\"" + name + "\"}]}");
                    return;
                }
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                String json = "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                        + "\",\"uri\":\"" + exchange.getRequestURI() + "\",\"seen\":" + seen + ",\"bodyLength\":" + length
                        + ",\"bodySha256\":\"" + HexFormat.of().formatHex(sha.digest())
                        + "\",\"committed\":154000.00,\"leverage\":5.40,\"headers\":{"
                        + headers.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\""
                                + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                                .collect(Collectors.joining(",")) + "}}";
                answer(exchange, json);
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        territory.stop(0);
        funding.stop(0);
    }
}
