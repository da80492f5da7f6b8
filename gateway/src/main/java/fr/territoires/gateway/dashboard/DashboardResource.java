package fr.territoires.gateway.dashboard;

import fr.territoires.commons.time.BusinessDates;
import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.tracing.CorrelationIdFilter;
import fr.territoires.gateway.GatewayConfig;
import fr.territoires.gateway.routing.ServiceClient;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.MDC;

@Path("/api/territories/{code}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@Authenticated
public class DashboardResource {

    @jakarta.inject.Inject
    BusinessDates dates;

    private final GatewayConfig config;
    private final HttpClient http;

    public DashboardResource(GatewayConfig config, ServiceClient services) {
        this.config = config;
        // The proxy's client: answered on the caller's event loop, with no hop to another thread pool and back (the
        // JDK client's selector thread and executor cost CPU on every sub-request, four per dashboard).
        this.http = services.http();
    }

    @GET
    @Operation(summary = "A territory at a glance, from the three services at once",
            description = "Profile and perimeter summary (registry), funding by priority with committed and paid "
                    + "(funding), open positions this month and the top shortage jobs (recruitment), fetched in parallel "
                    + "with the caller's token, so each part shows what the caller may see. A part a service could not "
                    + "give is null and listed in missing with the reason; the rest is returned.")
    // The parts' JSON is relayed as the services wrote it (TerritoryDashboard): the answer is bytes, documented as the
    // JSON object it is.
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = JsonNode.class)))
    public Uni<byte[]> dashboard(@PathParam("code") String code, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer) {
        if (!TerritoryDashboard.CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "must be a territory code, e.g. ti-8413");
        }
        String area = URLEncoder.encode(code, StandardCharsets.UTF_8);
        String month = dates.month().toString();
        return Uni.join().all(List.of(
                part("profile", "territory-service", "/api/territories/" + area, bearer),
                part("funding", "funding-service", "/api/funding/reports/territories/" + area, bearer),
                part("recruitment.thisMonth", "recruitment-service",
                        "/api/recruitment/indicators?level=TERRITORY&by=NONE&area=" + area + "&from=" + month + "&to=" + month,
                        bearer),
                part("recruitment.shortageJobs", "recruitment-service",
                        "/api/recruitment/indicators/shortage-jobs?level=TERRITORY&limit=5&area=" + area, bearer)))
                .andFailFast()
                .map(parts -> {
                    if (parts.get(0).status() == 404) {
                        throw ProblemException.notFound("Territory " + code);
                    }
                    return TerritoryDashboard.compose(code, parts);
                });
    }

    private Uni<TerritoryDashboard.Part> part(String name, String service, String path, String bearer) {
        URI target = config.services().get(service).url().resolve(path);
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(target.toString())
                .setTimeout(config.requestTimeout().toMillis()).putHeader("Accept", "application/json");
        if (bearer != null) {
            request.putHeader(HttpHeaders.AUTHORIZATION, bearer);
        }
        Object correlation = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlation != null) {
            request.putHeader(CorrelationIdFilter.HEADER, correlation.toString());
        }
        return Uni.createFrom().completionStage(() -> http.request(request)
                .compose(out -> out.send())
                .compose(response -> response.body().map(body -> new TerritoryDashboard.Part(name, service,
                        response.statusCode(), body == null ? null : body.getBytes())))
                .toCompletionStage())
                .ifNoItem().after(config.requestTimeout().plus(Duration.ofSeconds(1))).fail()
                .onFailure().recoverWithItem(new TerritoryDashboard.Part(name, service, 0, null));
    }
}
