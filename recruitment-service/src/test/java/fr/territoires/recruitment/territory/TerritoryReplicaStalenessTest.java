package fr.territoires.recruitment.territory;

import static fr.territoires.recruitment.RecruitmentFixtures.DB;
import static fr.territoires.recruitment.RecruitmentFixtures.awaitApplied;
import static fr.territoires.recruitment.RecruitmentFixtures.kafka;
import static fr.territoires.recruitment.RecruitmentFixtures.labelledPayload;
import static fr.territoires.recruitment.RecruitmentFixtures.newCode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.territoires.events.Topics;
import fr.territoires.testing.KafkaTopics;
import fr.territoires.testing.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The replica never goes back in time: an event older than what it applied does not overwrite it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "recruitment"))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
class TerritoryReplicaStalenessTest {

    private static String send(String type, String code, long sequence, String payload) {
        String id = UUID.randomUUID().toString();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_id", id);
        h.put("ce_source", "/territoires/territory-service");
        h.put("ce_type", type);
        h.put("ce_time", Instant.now().toString());
        h.put("ce_subject", code);
        h.put("ce_specversion", "1.0");
        h.put("ce_sequence", String.format("%019d", sequence));
        h.put("content-type", "application/json");
        KafkaTopics.send(kafka(), Topics.TERRITORY, code, h, payload);
        return id;
    }

    @Test
    void anOldLabelledEventReplayedAfterTheTerritoryLeftDoesNotBringItBack() {
        String code = newCode("s");
        awaitApplied(send("fr.territoires.territory.labelled.v1", code, 1, labelledPayload(code, "71076")));
        awaitApplied(send("fr.territoires.territory.status-changed.v1", code, 2, "{\"code\":\"" + code
                + "\",\"name\":\"Territoire " + code + "\",\"status\":\"LEFT\",\"previousStatus\":\"LABELLED\"}"));
        // The labelled event again, as a re-drive or a replay would bring it (a new ce_id, its old sequence).
        awaitApplied(send("fr.territoires.territory.labelled.v1", code, 1, labelledPayload(code, "71076")));
        assertEquals("LEFT", DB.rows("SELECT status FROM territory WHERE code = ?", code).get(0).get("status"));
    }

    @Test
    void anOlderPerimeterChangeArrivingLateIsIgnored() {
        String code = newCode("s");
        awaitApplied(send("fr.territoires.territory.labelled.v1", code, 1, labelledPayload(code, "71076")));
        awaitApplied(send("fr.territoires.territory.perimeter-changed.v1", code, 3, "{\"code\":\"" + code
                + "\",\"name\":\"Territoire " + code + "\",\"effectiveOn\":\"2020-01-01\",\"perimeter\":{\"epcis\":[],"
                + "\"communes\":[\"71076\",\"71270\"]},\"previousEpcis\":[]}"));
        awaitApplied(send("fr.territoires.territory.perimeter-changed.v1", code, 2, "{\"code\":\"" + code
                + "\",\"name\":\"Territoire " + code + "\",\"effectiveOn\":\"2019-01-01\",\"perimeter\":{\"epcis\":[],"
                + "\"communes\":[\"71153\"]},\"previousEpcis\":[]}"));
        assertEquals(1, DB.count("SELECT count(*) FROM territory_perimeter WHERE territory_code = ?", code));
        assertEquals(1, DB.count("SELECT count(*) FROM territory_perimeter WHERE territory_code = ? AND effective_on = "
                + "DATE '2020-01-01' AND '71270' = ANY (communes)", code));
    }
}
