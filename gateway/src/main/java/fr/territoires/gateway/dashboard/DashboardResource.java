package fr.territoires.gateway.dashboard;

import fr.territoires.commons.time.BusinessDates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.tracing.CorrelationIdFilter;
import fr.territoires.gateway.GatewayConfig;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.MDC;

@Path("/api/territories/{code}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@Authenticated
public class DashboardResource {

    @jakarta.inject.Inject
    BusinessDates dates;

    private static final Pattern CODE = Pattern.compile("ti-[0-9A-Za-z-]+");

    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public DashboardResource(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        // HTTP/1.1 with kept-alive connections: the services speak cleartext HTTP/1.1, and the client's default
        // (HTTP/2) would offer an h2c upgrade on every new connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout())
                .build();
    }

    @GET
    @Operation(summary = "A territory at a glance, from the three services at once",
            description = "Profile and perimeter summary (registry), funding by priority with committed and paid "
                    + "(funding), open positions this month and the top shortage jobs (recruitment), fetched in parallel "
                    + "with the caller's token, so each part shows what the caller may see. A part a service could not "
                    + "give is null and listed in missing with the reason; the rest is returned.")
    public Uni<JsonNode> dashboard(@PathParam("code") String code, @HeaderParam(HttpHeaders.AUTHORIZATION) String bearer) {
        if (!CODE.matcher(code).matches()) {
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
        URI base = config.services().get(service).url();
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(config.requestTimeout())
                .header("Accept", "application/json").GET();
        if (bearer != null) {
            request.header(HttpHeaders.AUTHORIZATION, bearer);
        }
        Object correlation = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlation != null) {
            request.header(CorrelationIdFilter.HEADER, correlation.toString());
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                .map(response -> new TerritoryDashboard.Part(name, service, response.statusCode(), parse(response.body())))
                .ifNoItem().after(config.requestTimeout().plus(Duration.ofSeconds(1))).fail()
                .onFailure().recoverWithItem(new TerritoryDashboard.Part(name, service, 0, null));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
