package fr.territoires.gateway.protection;

import fr.territoires.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One circuit breaker per service, so that a service that is down never holds up the others. */
@ApplicationScoped
public class CircuitBreakers {

    private final GatewayConfig.CircuitBreaker config;
    private final Map<String, CircuitBreaker> byService = new ConcurrentHashMap<>();

    public CircuitBreakers(GatewayConfig config) {
        this.config = config.circuitBreaker();
    }

    public CircuitBreaker of(String service) {
        return byService.computeIfAbsent(service,
                s -> new CircuitBreaker(config.failureThreshold(), config.openDuration(), System::nanoTime));
    }
}
