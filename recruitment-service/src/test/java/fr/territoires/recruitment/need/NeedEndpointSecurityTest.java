package fr.territoires.recruitment.need;

import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.SecuredEndpointContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class NeedEndpointSecurityTest extends SecuredEndpointContract {

    @Override
    protected String securedPath() {
        return "/api/recruitment/needs";
    }
}
