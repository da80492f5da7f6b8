package fr.territoires.gateway.routing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A circuit that opens after 3 failures, for 8 s: long enough to be seen open on a loaded machine, short enough to see it close. */
public class QuickCircuitBreaker implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.circuit-breaker.failure-threshold", "3",
                "gateway.circuit-breaker.open-duration", "8S");
    }
}
