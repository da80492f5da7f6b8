package fr.territoires.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * A hostile caller generated from a service's OpenAPI document (issue 14): every operation, for
 * each given caller (token or none), with malformed inputs — wrong types, missing and unknown
 * fields, huge and negative numbers, more than two decimals, NaN and 1e400, extreme and malformed
 * dates, overflowing pages, long strings and lists, unknown enum values, bad content types and
 * oversized bodies. What it finds: any 5xx, any error that is not problem+json, any 400 that names
 * no field. Seeded: the same seed sends the same requests.
 */
public final class Adversary {

    /** One request that broke a promise. */
    public record Finding(String operation, String caller, String input, int status, String why) {

        @Override
        public String toString() {
            return operation + " as " + caller + " with " + input + " → " + status + ": " + why;
        }
    }

    /**
     * What was tried and what broke; {@code accepted}: the changes (POST, PUT, PATCH, DELETE) answered
     * 2xx, as "METHOD path as caller with input" — an input the API rightly accepts (an empty object
     * where every field is optional) may store something, and the caller's test says which may.
     */
    public record Report(int operations, int callers, int requests, List<Finding> findings, List<String> accepted,
            Map<Integer, Integer> statuses) {

        public String summary() {
            return operations + " operations × " + callers + " callers: " + requests + " requests, " + findings.size()
                    + " finding(s), " + accepted.size() + " change(s) accepted; answers by status " + statuses;
        }
    }

    private static final String LONG = "x".repeat(5_000);
    /** Inputs whose name starts with this are sent chunked. */
    private static final String CHUNKED = "chunked: ";
    private final Map<String, String> callers;
    private final Function<String, String> pathValue;
    private final Random random;

    /**
     * @param callers name → bearer token (null: no token)
     * @param pathValue path parameter name → a value to put in the URL (ids that exist or not)
     */
    public Adversary(Map<String, String> callers, Function<String, String> pathValue, long seed) {
        this.callers = callers;
        this.pathValue = pathValue;
        this.random = new Random(seed);
    }

    /** Tries every operation of the document under {@code prefix} (e.g. /api/funding). */
    public Report attack(String openApiPath, String prefix) {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").when().get(openApiPath)
                .then().statusCode(200).extract().jsonPath();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(SENDERS);
        try {
            return attack(doc, prefix, senders);
        } finally {
            senders.shutdownNow();
        }
    }

    private Report attack(JsonPath doc, String prefix, java.util.concurrent.ExecutorService senders) {
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Finding> findings = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int operations = 0;
        int requests = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> path : new java.util.TreeMap<>(paths).entrySet()) {
            if (!path.getKey().startsWith(prefix)) {
                continue;
            }
            for (Map.Entry<String, Object> op : new java.util.TreeMap<>(path.getValue()).entrySet()) {
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                operations++;
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                String url = fill(path.getKey());
                List<Input> inputs = inputs(doc, operation);
                // An operation's requests go SENDERS at a time (the order of the report stays the order of the
                // requests): hostile callers do not wait for each other, and the build spends less time waiting.
                List<java.util.concurrent.Callable<Sent>> sends = new ArrayList<>();
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    for (Input input : inputs) {
                        sends.add(() -> new Sent(caller.getKey(), input, send(method, url, caller.getValue(), input)));
                    }
                }
                for (Sent sent : sendAll(senders, sends)) {
                    requests++;
                    Answer r = sent.answer();
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    check(method + " " + path.getKey(), sent.caller(), sent.input(), r).ifPresent(findings::add);
                    if (!method.equals("GET") && r.statusCode() / 100 == 2) {
                        accepted.add(method + " " + path.getKey() + " as " + sent.caller() + " with " + sent.input().name());
                    }
                }
            }
        }
        return new Report(operations, callers.size(), requests, findings, accepted, statuses);
    }

    /** How many requests of one operation are in flight at once. */
    static final int SENDERS = 4;

    /** A request sent and its answer. */
    private record Sent(String caller, Input input, Answer answer) {
    }

    /** What came back: the status, the Content-Type ("" if none) and the body as text. */
    record Answer(int statusCode, String contentType, String body) {
    }

    /**
     * The JDK's HTTP client, HTTP/1.1 (no h2c upgrade), redirects not followed: a request costs a fraction of a
     * RestAssured one, whose CPU was most of an attack's time on two cores.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();

    private static List<Sent> sendAll(java.util.concurrent.ExecutorService senders,
            List<java.util.concurrent.Callable<Sent>> sends) {
        try {
            List<Sent> sent = new ArrayList<>();
            for (java.util.concurrent.Future<Sent> f : senders.invokeAll(sends)) {
                sent.add(f.get());
            }
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while attacking", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a request could not be sent: " + e.getCause(), e.getCause());
        }
    }

    /** One malformed input: query parameters, and a body with its content type (or none). */
    record Input(String name, Map<String, String> query, String contentType, String body) {

        @Override
        public String toString() {
            return name;
        }
    }

    private String fill(String template) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(pathValue.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Input> inputs(JsonPath doc, Map<String, Object> operation) {
        List<Input> inputs = new ArrayList<>();
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
        List<String> query = parameters.stream().filter(p -> "query".equals(p.get("in"))).map(p -> (String) p.get("name"))
                .toList();
        // Query parameters: each one at a time with each hostile value, and the overflowing page.
        List<String> hostile = List.of("", LONG, "-1", "99999999999999999999", "NaN", "1e400", "0.001", "9999-12-31",
                "0000-00-00", "+10000-01-01", "NOT_A_VALUE", "%00", "' OR 1=1 --");
        for (String name : query) {
            String value = hostile.get(random.nextInt(hostile.size()));
            inputs.add(new Input("?" + name + "=" + abbreviate(value), Map.of(name, value), null, null));
        }
        if (query.contains("page")) {
            inputs.add(new Input("?page=21474837&size=100", Map.of("page", "21474837", "size", "100"), null, null));
        }
        Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
        if (body == null) {
            if (inputs.isEmpty()) {
                inputs.add(new Input("nothing", Map.of(), null, null));
            }
            return inputs;
        }
        Map<String, Object> content = (Map<String, Object>) body.getOrDefault("content", Map.of());
        if (!content.containsKey("application/json")) {
            inputs.add(new Input("an empty multipart body", Map.of(), "multipart/form-data; boundary=x", "--x--\r\n"));
            inputs.add(new Input("an unterminated CSV quote", Map.of(), "text/csv", "a;b\n\"x;y\n"));
            inputs.add(new Input("bytes as JSON", Map.of(), "application/json", "\u0000\u0001"));
            return inputs;
        }
        Map<String, Object> schema = resolve(doc, (Map<String, Object>) ((Map<String, Object>) content.get("application/json"))
                .getOrDefault("schema", Map.of()));
        inputs.add(new Input("malformed JSON", Map.of(), "application/json", "{\"a\": "));
        inputs.add(new Input("a JSON array", Map.of(), "application/json", "[1, 2]"));
        inputs.add(new Input("a JSON string", Map.of(), "application/json", "\"x\""));
        inputs.add(new Input("an empty object", Map.of(), "application/json", "{}"));
        inputs.add(new Input("text/plain", Map.of(), "text/plain", "hello"));
        inputs.add(new Input("1.1 MB of JSON", Map.of(), "application/json", "{\"x\": \"" + "y".repeat(1_100_000) + "\"}"));
        inputs.add(new Input(CHUNKED + "1.1 MB of JSON, chunked", Map.of(), "application/json",
                "{\"x\": \"" + "y".repeat(1_100_000) + "\"}"));
        inputs.add(new Input("an unknown field", Map.of(), "application/json", "{\"notAFieldOfThisRequest\": 1}"));
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (String kind : List.of("wrong types", "huge values", "negative values", "three decimals", "NaN", "1e400",
                "extreme dates", "malformed dates", "long strings and lists", "unknown enum values")) {
            Map<String, Object> value = new LinkedHashMap<>();
            StringBuilder raw = new StringBuilder("{");
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                Map<String, Object> s = resolve(doc, (Map<String, Object>) p.getValue());
                String v = hostileValue(kind, s);
                if (raw.length() > 1) {
                    raw.append(',');
                }
                raw.append('"').append(p.getKey()).append("\":").append(v);
                value.put(p.getKey(), v);
            }
            raw.append('}');
            if (!value.isEmpty()) {
                inputs.add(new Input(kind, Map.of(), "application/json", raw.toString()));
            }
        }
        return inputs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(JsonPath doc, Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref instanceof String r && r.startsWith("#/components/schemas/")) {
            Map<String, Object> target = doc.getMap("components.schemas.'" + r.substring("#/components/schemas/".length())
                    + "'");
            return target == null ? Map.of() : target;
        }
        if (schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
            return resolve(doc, (Map<String, Object>) all.get(0));
        }
        return schema;
    }

    /** A JSON value of one hostile kind for a property of this schema. */
    private static String hostileValue(String kind, Map<String, Object> s) {
        String type = String.valueOf(s.get("type"));
        boolean number = type.equals("number") || type.equals("integer");
        boolean date = "date".equals(s.get("format")) || "date-time".equals(s.get("format"));
        return switch (kind) {
            case "wrong types" -> number ? "\"twelve\"" : type.equals("array") ? "{\"a\":1}" : type.equals("object") ? "[]"
                    : type.equals("boolean") ? "\"maybe\"" : "123";
            case "huge values" -> number ? "99999999999999999999999999999999999999" : type.equals("array") ? "[]"
                    : "\"" + LONG + "\"";
            case "negative values" -> number ? "-1" : "\"-1\"";
            case "three decimals" -> number ? "0.001" : "\"0.001\"";
            case "NaN" -> number ? "\"NaN\"" : "\"NaN\"";
            case "1e400" -> number ? "1e400" : "\"1e400\"";
            case "extreme dates" -> date ? "\"+10000-01-01\"" : number ? "-99999999999" : "\"9999-12-31\"";
            case "malformed dates" -> date ? "\"2024-02-30\"" : "\"31/12/2024\"";
            case "long strings and lists" -> type.equals("array") ? "[" + String.join(",",
                    java.util.Collections.nCopies(5_000, "\"x\"")) + "]" : number ? "1" : "\"" + LONG + "\"";
            case "unknown enum values" -> s.containsKey("enum") ? "\"NOT_A_VALUE\"" : type.equals("array") ? "[\"NOT_A_VALUE\"]"
                    : "\"NOT_A_VALUE\"";
            default -> "null";
        };
    }

    private static Answer send(String method, String url, String token, Input input) throws IOException, InterruptedException {
        StringBuilder target = new StringBuilder(base()).append(url);
        char separator = '?';
        for (Map.Entry<String, String> q : input.query().entrySet()) {
            target.append(separator).append(encode(q.getKey())).append('=').append(encode(q.getValue()));
            separator = '&';
        }
        HttpRequest.BodyPublisher body;
        if (input.body() == null) {
            body = HttpRequest.BodyPublishers.noBody();
        } else if (input.name().startsWith(CHUNKED)) {
            // A stream of unknown length: sent chunked, without Content-Length.
            byte[] bytes = input.body().getBytes(StandardCharsets.UTF_8);
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
        } else {
            body = HttpRequest.BodyPublishers.ofString(input.body(), StandardCharsets.UTF_8);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.toString()))
                .timeout(Duration.ofSeconds(60)).method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (input.contentType() != null) {
            request.header("Content-Type", input.contentType()); // as given: no charset added
        }
        HttpResponse<String> response;
        for (int attempt = 1;; attempt++) {
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                break;
            } catch (IOException e) {
                // A kept-alive connection the server had closed (it closes one after refusing a body too large):
                // nothing of the request was read; sent again, on another connection.
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("received no bytes")) {
                    throw e;
                }
            }
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** Where RestAssured sends (the Quarkus test's port, or what the caller set): scheme, host, port and base path. */
    private static String base() {
        String path = RestAssured.basePath == null || RestAssured.basePath.equals("/") ? "" : RestAssured.basePath;
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static java.util.Optional<Finding> check(String operation, String caller, Input input, Answer r) {
        int status = r.statusCode();
        String type = r.contentType();
        if (status >= 500) {
            return java.util.Optional.of(new Finding(operation, caller, input.name(), status, "server error: "
                    + abbreviate(r.body())));
        }
        if (status >= 400 && !r.body().isEmpty() && !type.startsWith("application/problem+json")) {
            return java.util.Optional.of(new Finding(operation, caller, input.name(), status, "not problem+json: " + type));
        }
        if (status == 400) {
            List<Object> errors;
            try {
                errors = JsonPath.from(r.body()).getList("errors");
            } catch (RuntimeException notJson) {
                errors = null;
            }
            if (errors == null || errors.isEmpty()) {
                return java.util.Optional.of(new Finding(operation, caller, input.name(), status, "names no field: "
                        + abbreviate(r.body())));
            }
        }
        return java.util.Optional.empty();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…(" + s.length() + ")" : s;
    }
}
