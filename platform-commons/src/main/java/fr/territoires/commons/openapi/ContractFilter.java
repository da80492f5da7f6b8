package fr.territoires.commons.openapi;

import fr.territoires.commons.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The API contract every service publishes, made the same way for all of them (docs/partners.md):
 * <ul>
 * <li>one meaningful, unique {@code operationId} per operation, the Java method's verb followed by its
 * resource ({@code TerritoryResource.list} → {@code listTerritory}), unless the operation names itself;</li>
 * <li>the bearer scheme on every protected operation, and {@code security: []} on the public ones, so a
 * client generator knows which calls need a token;</li>
 * <li>every error response as {@code application/problem+json} with the shared {@link Problem} schema,
 * and the errors every operation may answer documented: 400 for an operation with input, 401 and 403
 * for a protected one, 404 for one that names a resource in its path, 500.</li>
 * </ul>
 * Runs once when the document is built at start-up; the services declare nothing of this themselves.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContractFilter implements OASFilter {

    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "FieldError";
    public static final String BEARER_SCHEME = "SecurityScheme";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    private static final Map<String, String> STANDARD = Map.of(
            "400", "Invalid request: a parameter or a field of the body breaks a rule (errors[] names each field)",
            "401", "No valid bearer token (missing, expired, from another issuer or for another audience)",
            "403", "The token's role or scope does not allow this on this resource",
            "404", "No such resource (or not visible to the caller)",
            "412", "If-Match names an older version than the current one: read it again (nothing was changed)",
            "500", "Unexpected failure; detail gives the reference of the log line, never a stack trace");

    /** What a service's decimals are documented as when they are all euros ({@code platform.json.money=true}). */
    static final BigDecimal CENT = new BigDecimal("0.01");
    static final BigDecimal MONEY_EXAMPLE = new BigDecimal("2400.50");
    static final String MONEY_DESCRIPTION = "Euros, a JSON number written with two decimals (2400.50)";

    private final boolean money;

    /** As Quarkus runs it: {@code platform.json.money} says whether the service's decimals are euros (commons.json.DecimalJson). */
    public ContractFilter() {
        this(ConfigProvider.getConfig().getOptionalValue("platform.json.money", Boolean.class).orElse(false));
    }

    ContractFilter(boolean money) {
        this.money = money;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            api.setComponents(components);
        }
        if (money && components.getSchemas() != null) {
            components.getSchemas().values().forEach(schema -> money(schema, new IdentityHashMap<>()));
        }
        components.addSchema(FIELD_ERROR_SCHEMA, fieldErrorSchema());
        components.addSchema(PROBLEM_SCHEMA, problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Integer> ids = new HashMap<>();
        List<Operation> all = new ArrayList<>();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            all.add(op);
            op.setOperationId(operationId(op.getOperationId(), method, path));
            ids.merge(op.getOperationId(), 1, Integer::sum);
            if (op.getSecurity() == null) {
                op.setSecurity(new ArrayList<>()); // public: `security: []`
            }
            document(op, path);
        }));
        // Two methods of one resource with the same name (overloads): add the HTTP method to the later ones.
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            if (ids.getOrDefault(op.getOperationId(), 0) > 1) {
                ids.merge(op.getOperationId(), -1, Integer::sum);
                op.setOperationId(op.getOperationId() + capitalise(method.name().toLowerCase()));
            }
        }));
    }

    /** {@code Class_method} (smallrye's CLASS_METHOD strategy) becomes {@code methodClassStem}; explicit ids stay. */
    static String operationId(String id, PathItem.HttpMethod method, String path) {
        if (id == null || id.isBlank()) {
            return method.name().toLowerCase() + capitalise(path.replaceAll("[^A-Za-z0-9]+", " ").trim().replace(' ', '_'));
        }
        int underscore = id.indexOf('_');
        if (underscore < 0) {
            return id;
        }
        String type = id.substring(0, underscore);
        String verb = id.substring(underscore + 1);
        for (String suffix : List.of("Resource", "Endpoint", "Api")) {
            if (type.endsWith(suffix) && type.length() > suffix.length()) {
                type = type.substring(0, type.length() - suffix.length());
                break;
            }
        }
        // A method that already names its resource (exportNationalList) keeps its name.
        String firstWord = type.split("(?<=[a-z0-9])(?=[A-Z])")[0].toLowerCase().replaceAll("(y|s)$", "");
        return verb.toLowerCase().contains(firstWord) ? verb : verb + type;
    }

    private static void document(Operation op, String path) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        boolean secured = !op.getSecurity().isEmpty();
        boolean input = op.getRequestBody() != null || (op.getParameters() != null && !op.getParameters().isEmpty());
        if (input) {
            standard(responses, "400");
        }
        if (secured) {
            standard(responses, "401");
            standard(responses, "403");
        }
        if (path.contains("{")) {
            standard(responses, "404");
        }
        if (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
            standard(responses, "412");
        }
        standard(responses, "500");
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    if (response.getDescription() == null || response.getDescription().isBlank()) {
                        response.setDescription(STANDARD.getOrDefault(code, "Refused; the problem says why"));
                    }
                    response.setContent(problemContent());
                }
            });
        }
    }

    /**
     * A decimal of a service whose decimals are all euros (BigDecimal: {@code type: number} without a
     * format; a double would say {@code format: double}) says what DecimalJson writes: a multiple of
     * 0.01, with an example, so that a generated client and its reader know the cents are always there.
     */
    static void money(Schema schema, Map<Schema, Boolean> seen) {
        if (schema == null || seen.put(schema, Boolean.TRUE) != null) {
            return;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.NUMBER) && schema.getFormat() == null) {
            if (schema.getMultipleOf() == null) {
                schema.setMultipleOf(CENT);
            }
            if (schema.getExamples() == null || schema.getExamples().isEmpty()) {
                schema.setExamples(List.of(MONEY_EXAMPLE));
            }
            if (schema.getDescription() == null || schema.getDescription().isBlank()) {
                schema.setDescription(MONEY_DESCRIPTION);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> money(p, seen));
        }
        money(schema.getItems(), seen);
        money(schema.getAdditionalPropertiesSchema(), seen);
        for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(g -> money(g, seen));
            }
        }
    }

    private static void standard(APIResponses responses, String code) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(STANDARD.get(code)));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema fieldErrorSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field and the rule it breaks")
                .required(List.of("field", "message"))
                .addProperty("field", string("The field's path in the request, e.g. `owner.siret` or `requested[0].amount`",
                        "owner.siret"))
                .addProperty("message", string("The rule it breaks", "must be a valid SIRET (14 digits, Luhn key)"));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem detail, the body of every error (application/problem+json)")
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("Stable URN of the rule, under " + Problem.TYPE_BASE, Problem.TYPE_BASE + "validation")
                        .format("uri"))
                .addProperty("title", string("Short summary of the problem type", "Invalid request"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))
                        .format("int32").description("The HTTP status").examples(List.of(400)))
                .addProperty("detail", string("What went wrong in this occurrence", "owner.siret: must be a valid SIRET"))
                .addProperty("instance", string("The request path", "/api/funding/applications"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("For validation problems: each invalid field")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)))
                .addProperty("traceId", string("For 5xx answers: the request's trace id (W3C trace context, 32 hex digits), "
                        + "to quote to the platform team", "4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description)
                .examples(List.of(example));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
