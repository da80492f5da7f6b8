package fr.territoires.recruitment.need;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import fr.territoires.testing.RealInfrastructure;
import fr.territoires.testing.ReactiveDb;
import fr.territoires.testing.SecuredEndpointContract;
import fr.territoires.testing.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class RecruitmentNeedResourceTest extends SecuredEndpointContract {

    @Inject
    RecruitmentNeedRepository needs;

    @Override
    protected String securedPath() {
        return "/api/recruitment/needs";
    }

    @BeforeEach
    void noNeeds() {
        ReactiveDb.inTransaction(() -> needs.deleteAll());
    }

    @Test
    void listsNeedsByTerritoryThenJobCode() {
        ReactiveDb.inTransaction(() -> needs.persist(
                RecruitmentNeed.open("73282932000074", "ti-4401", "54431", "H2913", "Soudeur / soudeuse", 3,
                        RecruitmentNeed.ContractType.CDI),
                RecruitmentNeed.open("73282932000074", "ti-4401", "54431", "H2903", "Opérateur régleur CN", 2,
                        RecruitmentNeed.ContractType.APPRENTICESHIP)));

        given().header("Authorization", TestTokens.user("partner.demo").roles("partner").bearer())
                .when().get("/api/recruitment/needs")
                .then().statusCode(200)
                .body("items.romeCode", contains("H2903", "H2913"),
                        "items[1].jobTitle", equalTo("Soudeur / soudeuse"),
                        "items[1].headcount", equalTo(3),
                        "items[0].contractType", equalTo("APPRENTICESHIP"),
                        "total", equalTo(2));
    }
}
