package fr.territoires.gateway.routing;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where each service answers, and how long the gateway waits for it. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service, by service name. */
    Map<String, Upstream> services();

    Duration connectTimeout();

    /** No answer from a service within this time: 504. */
    Duration requestTimeout();

    interface Upstream {
        URI url();
    }
}
