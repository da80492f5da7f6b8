package fr.territoires.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A small OTLP/HTTP trace receiver for the end-to-end tests, standing for the OpenTelemetry
 * collector: the platform's processes export their spans to it (http/protobuf), it keeps who sent
 * what. It reads just the fields the tests look at from the protobuf encoding of
 * ExportTraceServiceRequest (opentelemetry-proto, trace/v1) and skips every other field.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span: the service.name of its resource, its ids (hex), name and kind. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, Kind kind) {
    }

    enum Kind { UNSPECIFIED, INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] raw = body.readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    raw = new GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes();
                }
                spans.addAll(parseRequest(raw));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse
            } catch (RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Where to export: TI_OTLP_ENDPOINT of the platform's processes, with TI_OTLP_PROTOCOL=http/protobuf. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> ofTrace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static List<ReceivedSpan> parseRequest(byte[] request) {
        List<ReceivedSpan> found = new ArrayList<>();
        for (Field resourceSpans : fields(request)) {
            if (resourceSpans.number == 1) {
                String service = "";
                List<byte[]> scopeSpans = new ArrayList<>();
                for (Field f : fields(resourceSpans.bytes)) {
                    if (f.number == 1) {
                        service = serviceName(f.bytes);
                    } else if (f.number == 2) {
                        scopeSpans.add(f.bytes);
                    }
                }
                for (byte[] scope : scopeSpans) {
                    for (Field span : fields(scope)) {
                        if (span.number == 2) {
                            found.add(span(service, span.bytes));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String serviceName(byte[] resource) {
        for (Field attribute : fields(resource)) {
            if (attribute.number != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field kv : fields(attribute.bytes)) {
                if (kv.number == 1) {
                    key = new String(kv.bytes, StandardCharsets.UTF_8);
                } else if (kv.number == 2) {
                    for (Field any : fields(kv.bytes)) {
                        if (any.number == 1) {
                            value = new String(any.bytes, StandardCharsets.UTF_8);
                        }
                    }
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return "";
    }

    private static ReceivedSpan span(String service, byte[] span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        Kind kind = Kind.UNSPECIFIED;
        for (Field f : fields(span)) {
            switch (f.number) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes);
                case 4 -> parent = HexFormat.of().formatHex(f.bytes);
                case 5 -> name = new String(f.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = Kind.values()[(int) Math.min(f.varint, Kind.values().length - 1)];
                default -> {
                }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** A protobuf field: its number, and its value (varint, or the bytes of a length-delimited one). */
    private record Field(int number, long varint, byte[] bytes) {
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] pos = { 0 };
        while (pos[0] < message.length) {
            long tag = varint(message, pos);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> fields.add(new Field(number, varint(message, pos), null));
                case 1 -> pos[0] += 8;
                case 2 -> {
                    int length = (int) varint(message, pos);
                    byte[] bytes = java.util.Arrays.copyOfRange(message, pos[0], pos[0] + length);
                    pos[0] += length;
                    fields.add(new Field(number, 0, bytes));
                }
                case 5 -> pos[0] += 4;
                default -> throw new IllegalArgumentException("wire type " + wireType + " at " + pos[0]);
            }
        }
        return fields;
    }

    private static long varint(byte[] message, int[] pos) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = message[pos[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }
}
