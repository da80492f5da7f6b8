package fr.territoires.funding.reference;

import static fr.territoires.funding.FundingFixtures.DB;
import static fr.territoires.funding.FundingFixtures.api;
import static fr.territoires.funding.FundingFixtures.manager;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.events.Topics;
import fr.territoires.funding.FundingFixtures;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: an application names only its own territory's action sheet and recruitment needs. funding
 * learns whose they are from the registry's and recruitment's events, sent here on the real broker.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class CrossReferenceTest {

    private String mine;
    private String other;
    private long mySheet;
    private long otherSheet;
    private UUID myNeed;
    private UUID otherNeed;
    private UUID envelope;

    private static void sheetAdded(String code, long id) {
        KafkaTopics.send(BuildInfrastructure.kafkaBootstrapServers(), Topics.TERRITORY, code,
                KafkaTopics.cloudEventHeaders("territory-service", "fr.territoires.territory.action-sheet-added.v1", code),
                "{\"code\":\"" + code + "\",\"actionSheet\":{\"id\":" + id + ",\"title\":\"Formation\","
                        + "\"priority\":\"RECRUIT\",\"status\":\"IDEA\",\"owner\":\"CC\",\"indicators\":[]}}");
    }

    private static void needPublished(String code, UUID id) {
        KafkaTopics.send(BuildInfrastructure.kafkaBootstrapServers(), Topics.RECRUITMENT, code,
                KafkaTopics.cloudEventHeaders("recruitment-service", "fr.territoires.recruitment.need-published.v1", code),
                "{\"code\":\"" + code + "\",\"need\":{\"id\":\"" + id + "\",\"romeCode\":\"H2913\",\"romeFamily\":\"H\","
                        + "\"jobTitle\":\"Soudeur\",\"commune\":\"54431\",\"departement\":\"54\",\"epci\":\"245400676\","
                        + "\"nafCode\":\"25.11Z\",\"sizeBand\":\"SMALL\",\"headcount\":2,\"filledCount\":0,"
                        + "\"openPositions\":2,\"contractType\":\"CDI\",\"qualificationLevel\":\"SKILLED_WORKER\","
                        + "\"skills\":[],\"workStudy\":false,\"startDate\":\"2026-01-01\",\"deadline\":\"2026-06-01\","
                        + "\"hoursPerWeek\":35,\"difficult\":false,\"difficultyReasons\":[],\"status\":\"OPEN\","
                        + "\"declaredOn\":\"2025-12-01\"}}");
    }

    private static long known(String ref) {
        return DB.count("SELECT count(*) FROM known_reference WHERE ref = ?", ref);
    }

    @BeforeEach
    void twoTerritoriesEachWithASheetAndANeed() {
        mine = FundingFixtures.labelledInGrandEst();
        other = FundingFixtures.labelledInGrandEst();
        mySheet = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        otherSheet = mySheet + 1;
        myNeed = UUID.randomUUID();
        otherNeed = UUID.randomUUID();
        sheetAdded(mine, mySheet);
        sheetAdded(other, otherSheet);
        needPublished(mine, myNeed);
        needPublished(other, otherNeed);
        await().atMost(Duration.ofSeconds(30)).until(() -> known(String.valueOf(otherSheet)) == 1
                && known(String.valueOf(mySheet)) == 1 && known(myNeed.toString()) == 1 && known(otherNeed.toString()) == 1);
        envelope = FundingFixtures.openEnvelope("100000.00");
    }

    private Map<String, Object> application(Long sheet, List<UUID> needs) {
        Map<String, Object> a = FundingFixtures.application(mine, 10000, true, Map.of(envelope, "5000.00"));
        if (sheet != null) {
            a.put("actionSheetId", sheet);
        }
        a.put("recruitmentNeeds", needs);
        return a;
    }

    private long applications() {
        return DB.count("SELECT count(*) FROM application WHERE territory_code = ?", mine);
    }

    @Test
    void anApplicationNamesItsOwnTerritorysSheetAndNeeds() {
        api(manager(mine)).body(application(mySheet, List.of(myNeed))).when().post("/api/funding/applications")
                .then().statusCode(201).body("actionSheetId", equalTo((int) mySheet));
        assertEquals(1, applications());
    }

    @Test
    void anotherTerritorysActionSheetIsRefusedAndNamed() {
        api(manager(mine)).body(application(otherSheet, List.of(myNeed))).when().post("/api/funding/applications")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("actionSheetId"));
        assertEquals(0, applications(), "nothing stored");
    }

    @Test
    void anotherTerritorysNeedIsRefusedAndNamed() {
        api(manager(mine)).body(application(mySheet, List.of(myNeed, otherNeed))).when()
                .post("/api/funding/applications")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("recruitmentNeeds[1]"));
        assertEquals(0, applications(), "nothing stored");
    }

    @Test
    void aReferenceFundingNeverHeardOfIsABadRequestNamingIt() {
        api(manager(mine)).body(application(null, List.of(UUID.randomUUID()))).when().post("/api/funding/applications")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("recruitmentNeeds[0]"));
        api(manager(mine)).body(application(mySheet + 7, List.of())).when().post("/api/funding/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("actionSheetId"));
        assertEquals(0, applications(), "nothing stored");
    }

    /** An application draws only on envelopes meant for its territory: another Region's is a 403 naming the line. */
    @Test
    void anotherRegionsEnvelopeIsRefusedAndNamed() {
        UUID auvergneRhoneAlpes = FundingFixtures.openEnvelope(new java.util.HashMap<>(Map.of("funder", "REGION",
                "region", "84", "name", "Région 84 " + UUID.randomUUID(), "priority", "RECRUIT", "scope", "REGION",
                "scopeRegion", "84", "firstYear", FundingFixtures.FIRST_YEAR, "lastYear", FundingFixtures.LAST_YEAR,
                "ceiling", new java.math.BigDecimal("1000.00"))));
        Map<String, Object> a = FundingFixtures.application(mine, 10000, true, Map.of(auvergneRhoneAlpes, "500.00"));
        api(manager(mine)).body(a).when().post("/api/funding/applications")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:territoires:problem:envelope-out-of-scope"),
                        "errors[0].field", equalTo("plan[0].envelopeId"));
        assertEquals(0, applications(), "nothing stored");
    }
}
