package fr.territoires.backbone.outage;

import fr.territoires.stack.BuildInfrastructure;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts {@link KeycloakOutageTest}'s Keycloak (in the background) as soon as the module's tests begin, when the
 * run includes that test: it is then ready when the test comes, last, instead of being waited for (about 60 s of a
 * first Keycloak start on two cores, then on the build's critical path). Registered in
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener.
 */
public class KeycloakStartsFirst implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean planned = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .flatMap(test -> test.getSource().stream())
                .anyMatch(source -> source instanceof ClassSource c
                        && c.getClassName().equals(KeycloakOutageTest.class.getName()));
        if (planned) {
            BuildInfrastructure.dedicatedKeycloak(KeycloakOutageTest.KEYCLOAK);
        }
    }
}
