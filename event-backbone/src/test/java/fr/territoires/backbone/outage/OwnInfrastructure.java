package fr.territoires.backbone.outage;

import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;

/**
 * A test profile whose application runs on components an outage test stops and restarts (the
 * arguments of {@link RealInfrastructure}: its database, dedicated broker or PostgreSQL), with the
 * OIDC test server.
 */
public abstract class OwnInfrastructure implements QuarkusTestProfile {

    /** RealInfrastructure's init arguments. */
    protected abstract Map<String, String> infrastructure();

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealInfrastructure.class, infrastructure()),
                new TestResourceEntry(OidcWiremockTestResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
