package fr.territoires.recruitment.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The lists in the running service: held once, by the bean itself. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class ReferenceDataBeanTest {

    @Inject
    ReferenceData reference;

    @Test
    void theListsAreHeldOnceNotAgainByAProxy() {
        // ArC builds a normal-scoped bean's client proxy with the class's own constructor: behind one, the lists were
        // read twice and both copies kept (70,000 communes in the heap)
        assertFalse(reference instanceof io.quarkus.arc.ClientProxy, "ReferenceData is reached through a client proxy");
        assertEquals("Pont-à-Mousson", reference.commune("54431").orElseThrow().name());
    }
}
