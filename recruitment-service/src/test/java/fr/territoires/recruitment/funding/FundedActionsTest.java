package fr.territoires.recruitment.funding;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static fr.territoires.recruitment.RecruitmentFixtures.admin;
import static fr.territoires.recruitment.RecruitmentFixtures.awaitApplied;
import static fr.territoires.recruitment.RecruitmentFixtures.company;
import static fr.territoires.recruitment.RecruitmentFixtures.declared;
import static fr.territoires.recruitment.RecruitmentFixtures.labelled;
import static fr.territoires.recruitment.RecruitmentFixtures.needBody;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static fr.territoires.recruitment.RecruitmentFixtures.registeredCompany;
import static fr.territoires.recruitment.RecruitmentFixtures.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.events.Topics;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** funding.events sent to the real broker: the actions funded for a need show on it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class FundedActionsTest {

    private static final String BORDEAUX = "33063";
    /** Only the test of another territory's need labels it (a commune is in one territory). */
    private static final String PAU = "64445";

    private static String committed(String code, UUID commitment, String title, String amount, String... needs) {
        return send(Topics.FUNDING, "fr.territoires.funding.funds-committed.v1", code, "{\"code\":\"" + code
                + "\",\"commitmentId\":\"" + commitment + "\",\"applicationId\":\"" + UUID.randomUUID()
                + "\",\"envelopeId\":\"" + UUID.randomUUID() + "\",\"envelopeName\":\"Nouvelle-Aquitaine — compétences\","
                + "\"funder\":\"REGION\",\"priority\":\"RECRUIT\",\"amount\":" + amount + ",\"title\":\"" + title
                + "\",\"actionSheetId\":12,\"recruitmentNeeds\":[" + fr.territoires.recruitment.RecruitmentFixtures.quoted(needs)
                + "],\"committedOn\":\"2026-11-22\"}");
    }

    private static String decommitted(String code, UUID commitment, String amount, String remaining) {
        return send(Topics.FUNDING, "fr.territoires.funding.funds-decommitted.v1", code, "{\"code\":\"" + code
                + "\",\"commitmentId\":\"" + commitment + "\",\"applicationId\":\"" + UUID.randomUUID()
                + "\",\"envelopeId\":\"" + UUID.randomUUID() + "\",\"amount\":" + amount + ",\"remaining\":" + remaining
                + ",\"reason\":\"Cost below the estimate\"}");
    }

    @Test
    void aCommitmentNamingANeedShowsOnItUntilItIsReleased() {
        String code = labelled(newCode("f"), BORDEAUX);
        String siret = registeredCompany(BORDEAUX);
        String need = declared(admin(), needBody(siret));
        UUID commitment = UUID.randomUUID();
        awaitApplied(committed(code, commitment, "POEI for 12 welders", "85000.00", need, UUID.randomUUID().toString()));

        given().auth().oauth2(company(siret)).when().get("/api/recruitment/needs/" + need)
                .then().statusCode(200)
                .body("fundedActions.commitmentId", contains(commitment.toString()),
                        "fundedActions[0].title", equalTo("POEI for 12 welders"),
                        "fundedActions[0].funder", equalTo("REGION"),
                        "fundedActions[0].amount", equalTo(85000.0f),
                        "fundedActions[0].remaining", equalTo(85000.0f),
                        "fundedActions[0].status", equalTo("COMMITTED"),
                        "fundedActions[0].actionSheetId", equalTo(12));

        awaitApplied(decommitted(code, commitment, "15000.00", "70000.00"));
        given().auth().oauth2(admin()).when().get("/api/recruitment/needs/" + need)
                .then().statusCode(200).body("fundedActions[0].remaining", equalTo(70000.0f),
                        "fundedActions[0].status", equalTo("COMMITTED"));
        awaitApplied(decommitted(code, commitment, "70000.00", "0"));
        given().auth().oauth2(admin()).when().get("/api/recruitment/needs/" + need)
                .then().statusCode(200).body("fundedActions[0].remaining", equalTo(0.0f),
                        "fundedActions[0].status", equalTo("RELEASED"));
    }

    /** Issue 14: an application named another territory's need; once approved, it showed on that need. */
    @Test
    void aCommitmentNeverShowsOnANeedOfAnotherTerritory() {
        String code = labelled(newCode("f"), PAU);
        String siret = registeredCompany(PAU);
        String need = declared(admin(), needBody(siret));
        String elsewhere = newCode("g");
        awaitApplied(committed(elsewhere, UUID.randomUUID(), "Someone else's action", "5000.00", need));
        given().auth().oauth2(admin()).when().get("/api/recruitment/needs/" + need)
                .then().statusCode(200).body("territory", equalTo(code), "fundedActions.size()", equalTo(0));
    }

    @Test
    void aCommitmentThatNamesNoNeedIsNotKept() {
        String code = newCode("f");
        UUID commitment = UUID.randomUUID();
        awaitApplied(committed(code, commitment, "Innovation platform", "250000"));
        awaitApplied(decommitted(code, commitment, "1000", "249000"));
        assertEquals(0, DB.count("SELECT count(*) FROM funded_action WHERE commitment_id = CAST(? AS uuid)",
                commitment.toString()));
    }
}
