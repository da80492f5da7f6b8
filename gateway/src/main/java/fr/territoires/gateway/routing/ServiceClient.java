package fr.territoires.gateway.routing;

import fr.territoires.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's one HTTP client to the services, shared by the proxy and the dashboard: Vert.x's, HTTP/1.1 with
 * kept-alive connections (64 per service), answered on the caller's event loop.
 */
@ApplicationScoped
public class ServiceClient {

    private final HttpClient http;

    public ServiceClient(GatewayConfig config, Vertx vertx) {
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(64)
                .setKeepAlive(true));
    }

    public HttpClient http() {
        return http;
    }
}
