package fr.territoires.gateway.protection;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits small enough to reach in a test. */
public class TightLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.max-body-size", "64K",
                // one request every 10 s after a burst of 2: slow enough that a test never sees a refill
                "gateway.rate-limit.requests-per-second", "0.1",
                "gateway.rate-limit.burst", "2");
    }
}
