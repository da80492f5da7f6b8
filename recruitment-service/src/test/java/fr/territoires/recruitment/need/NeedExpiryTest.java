package fr.territoires.recruitment.need;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static fr.territoires.recruitment.RecruitmentFixtures.admin;
import static fr.territoires.recruitment.RecruitmentFixtures.declared;
import static fr.territoires.recruitment.RecruitmentFixtures.labelled;
import static fr.territoires.recruitment.RecruitmentFixtures.lastEvent;
import static fr.territoires.recruitment.RecruitmentFixtures.needBody;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static fr.territoires.recruitment.RecruitmentFixtures.registeredCompany;
import static fr.territoires.recruitment.RecruitmentFixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.events.EventType;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A need past its deadline expires by itself. The scheduled job calls the same service method with
 * today's date; here it is called with a chosen date, so nothing waits for a clock. Other tests'
 * needs have deadlines at least a week away and are not touched.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class NeedExpiryTest {

    private static final String RENNES = "35238";

    @Inject
    NeedService needs;

    private List<UUID> expireAsOf(LocalDate day) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> needs.expireDue(day));
    }

    @Test
    void anOpenNeedExpiresTheDayAfterItsDeadlineOnceAndWithItsEvent() throws Throwable {
        labelled(newCode("e"), RENNES);
        String siret = registeredCompany(RENNES);
        Map<String, Object> soon = needBody(siret);
        soon.put("startDate", today().toString());
        soon.put("deadline", today().plusDays(1).toString());
        String due = declared(admin(), soon);
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "\"0\"").body(withFilled(soon, 1))
                .when().put("/api/recruitment/needs/" + due)
                .then().statusCode(200).body("status", equalTo("PARTIALLY_FILLED"));
        String later = declared(admin(), needBody(siret));
        String extendedOne = declared(admin(), soon);

        assertEquals(List.of(), expireAsOf(today().plusDays(1)), "on its deadline a need is still open");
        // Past its deadline, before the job has run: it cannot change as if still open, unless it gets a new deadline.
        ProblemException late = assertThrows(ProblemException.class,
                () -> change(due, request(siret, 2, today().plusDays(1)), today().plusDays(2)));
        assertEquals(409, late.problem().status());
        change(extendedOne, request(siret, 0, today().plusDays(200)), today().plusDays(2));
        List<UUID> expired = expireAsOf(today().plusDays(2));
        assertTrue(expired.contains(UUID.fromString(due)), expired.toString());
        assertTrue(!expired.contains(UUID.fromString(later)));
        assertTrue(!expired.contains(UUID.fromString(extendedOne)), "its deadline was moved on");

        given().auth().oauth2(admin()).when().get("/api/recruitment/needs/" + due)
                .then().statusCode(200).body("status", equalTo("EXPIRED"), "filledCount", equalTo(1),
                        "openPositions", equalTo(0), "closedOn", equalTo(today().plusDays(2).toString()));
        given().auth().oauth2(admin()).when().get("/api/recruitment/needs/" + later)
                .then().statusCode(200).body("status", equalTo("OPEN"));
        JsonNode event = lastEvent(due, EventType.NEED_EXPIRED);
        assertEquals("PARTIALLY_FILLED", event.get("previousStatus").asText());
        assertEquals("EXPIRED", event.at("/need/status").asText());
        assertEquals(0, event.at("/need/openPositions").asInt());

        assertEquals(List.of(), expireAsOf(today().plusDays(3)), "an expired need does not expire twice");
        assertEquals(1, DB.count("SELECT count(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?",
                EventType.NEED_EXPIRED.type(), "%" + due + "%"));
        given().auth().oauth2(admin()).contentType("application/json").header("If-Match", "*").body(needBody(siret))
                .when().put("/api/recruitment/needs/" + due).then().statusCode(409);
    }

    private static final CallerScope ADMIN = new CallerScope("test", Set.of(CallerScope.PROGRAMME_ADMIN), null,
            List.of(), null);

    private void change(String id, NeedRequest r, LocalDate on) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> needs.replaceInCurrentTransaction(id, r, fr.territoires.commons.versioning.IfMatch.ANY, ADMIN, on)));
    }

    private static NeedRequest request(String siret, int filled, LocalDate deadline) {
        return new NeedRequest(siret, "H2913", "Soudeur / soudeuse TIG", 3, filled, RecruitmentNeed.ContractType.CDI,
                RecruitmentNeed.QualificationLevel.SKILLED_WORKER, List.of(), true, today(), deadline,
                new BigDecimal("35"), true, Set.of(RecruitmentNeed.DifficultyReason.CANDIDATE_SHORTAGE), null);
    }

    private static Map<String, Object> withFilled(Map<String, Object> body, int filled) {
        Map<String, Object> copy = new java.util.HashMap<>(body);
        copy.put("filledCount", filled);
        return copy;
    }
}
