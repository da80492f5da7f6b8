package fr.territoires.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.gateway.GatewayConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The platform's documentation in one place: the services' OpenAPI documents merged (also shown in
 * the gateway's Swagger UI), and the AsyncAPI document of the events with its JSON Schemas.
 * Public (DESIGN.md §4).
 */
@Path("/api/docs")
@PermitAll
@Tag(name = "Documentation")
public class DocsResource {

    private static final Pattern SCHEMA_FILE = Pattern.compile("[a-z-]+\\.v[0-9]+\\.json");
    private static final Pattern SERVICE = Pattern.compile("[a-z]+");

    private final GatewayConfig config;
    private final DocsConfig docs;
    private final ObjectMapper json;
    private final HttpClient http;
    private final OpenApiDocumentService own;

    public DocsResource(GatewayConfig config, DocsConfig docs, ObjectMapper json, OpenApiDocumentService own) {
        this.config = config;
        this.docs = docs;
        this.json = json;
        this.own = own;
        // HTTP/1.1: the services are plain HTTP, and the JDK's h2c upgrade attempt only adds a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).build();
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The services' OpenAPI documents merged into one",
            description = "Fetched from each service's /q/openapi in parallel, with the gateway's own operations; a "
                    + "service that does not answer is named in x-unavailable-services and the others are still documented. "
                    + "The same document is committed as docs/api/openapi.json.")
    public Uni<JsonNode> openApi() {
        List<Uni<OpenApiMerger.Source>> fetches = new ArrayList<>();
        for (Map.Entry<String, GatewayConfig.Upstream> service : config.services().entrySet()) {
            fetches.add(fetch(service.getKey(), service.getValue().url()));
        }
        List<OpenApiMerger.Server> servers = docs.servers().stream()
                .map(s -> new OpenApiMerger.Server(s.url(), s.description())).toList();
        return Uni.join().all(fetches).andFailFast()
                .map(sources -> {
                    List<OpenApiMerger.Source> all = new ArrayList<>(sources);
                    all.add(gatewayOwn());
                    all.sort(java.util.Comparator.comparing(OpenApiMerger.Source::service));
                    return OpenApiMerger.merge("Territoires d'industrie — platform API", "0.1.0", servers, all);
                });
    }

    /** The gateway's own operations (identity, dashboard, documentation), from its own OpenAPI document. */
    private OpenApiMerger.Source gatewayOwn() {
        try {
            return new OpenApiMerger.Source("gateway",
                    json.readTree(own.getDocument(OpenApiFilter.DEFAULT_DOCUMENT_NAME, Format.JSON)));
        } catch (IOException e) {
            return new OpenApiMerger.Source("gateway", null);
        }
    }

    @GET
    @Path("asyncapi.yaml")
    @Produces("application/yaml")
    @Operation(summary = "The AsyncAPI 3 document of the platform's events (topics, headers, payloads, examples)")
    public Response asyncApi() {
        return classpath("/events/asyncapi.yaml", "application/yaml");
    }

    @GET
    @Path("asyncapi.bundled.yaml")
    @Produces("application/yaml")
    @Operation(summary = "The same AsyncAPI document as one self-contained file, every event schema inlined",
            description = "For tools that cannot follow references: the JSON Schemas are under components.schemas.")
    public Response asyncApiBundled() {
        return Response.ok(AsyncApiBundle.bundle("/events"), "application/yaml").build();
    }

    @GET
    @Path("schemas/{service}/{file}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One event's JSON Schema, as the AsyncAPI document refers to it")
    public Response schema(@PathParam("service") String service, @PathParam("file") String file) {
        if (!SERVICE.matcher(service).matches() || !SCHEMA_FILE.matcher(file).matches()) {
            throw ProblemException.notFound("Schema " + service + "/" + file);
        }
        return classpath("/events/schemas/" + service + "/" + file, MediaType.APPLICATION_JSON);
    }

    private Uni<OpenApiMerger.Source> fetch(String service, URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .timeout(docs.fetchTimeout()).header("Accept", "application/json").GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(service + " answered " + response.statusCode());
                    }
                    try {
                        return new OpenApiMerger.Source(service, json.readTree(response.body()));
                    } catch (IOException e) {
                        throw new IllegalStateException(service + " sent no JSON", e);
                    }
                })
                .onFailure().retry().withBackOff(Duration.ofMillis(200)).atMost(Math.max(0, docs.fetchAttempts() - 1))
                .onFailure().recoverWithItem(new OpenApiMerger.Source(service, null));
    }

    private static Response classpath(String resource, String type) {
        try (InputStream in = DocsResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw ProblemException.notFound("Document " + resource);
            }
            return Response.ok(in.readAllBytes(), type).build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
