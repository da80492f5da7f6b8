package fr.territoires.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerritoryDashboardTest {

    @Test
    void aPartTheCallerMayNotSeeIsNamedWithWhy() {
        ObjectNode profile = JsonNodeFactory.instance.objectNode().put("name", "Val de Lorraine");
        ObjectNode dashboard = TerritoryDashboard.compose("ti-4420", List.of(
                new TerritoryDashboard.Part("profile", "territory-service", 200, profile),
                new TerritoryDashboard.Part("funding", "funding-service", 403, null),
                new TerritoryDashboard.Part("recruitment.thisMonth", "recruitment-service", 503, null),
                new TerritoryDashboard.Part("recruitment.shortageJobs", "recruitment-service", 200,
                        JsonNodeFactory.instance.arrayNode())));
        assertEquals("Val de Lorraine", dashboard.at("/profile/name").asText());
        assertTrue(dashboard.get("funding").isNull());
        assertTrue(dashboard.at("/recruitment/shortageJobs").isArray());
        assertEquals("not allowed for your role or scope", dashboard.at("/missing/0/reason").asText());
        assertEquals("unavailable", dashboard.at("/missing/1/reason").asText());
        assertEquals(2, dashboard.get("missing").size());
    }
}
