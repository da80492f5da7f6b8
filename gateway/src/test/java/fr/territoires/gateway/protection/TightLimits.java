package fr.territoires.gateway.protection;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits small enough to reach in a test. */
public class TightLimits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.max-body-size", "64K");
    }
}
