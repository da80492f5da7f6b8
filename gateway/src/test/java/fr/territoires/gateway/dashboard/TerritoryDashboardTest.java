package fr.territoires.gateway.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerritoryDashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(byte[] dashboard) throws Exception {
        return JSON.readTree(dashboard);
    }

    @Test
    void aPartTheCallerMayNotSeeIsNamedWithWhy() throws Exception {
        JsonNode dashboard = read(TerritoryDashboard.compose("ti-4420", List.of(
                new TerritoryDashboard.Part("profile", "territory-service", 200, bytes("{\"name\":\"Val de Lorraine\"}")),
                new TerritoryDashboard.Part("funding", "funding-service", 403, bytes("{\"status\":403}")),
                new TerritoryDashboard.Part("recruitment.thisMonth", "recruitment-service", 503, null),
                new TerritoryDashboard.Part("recruitment.shortageJobs", "recruitment-service", 200, bytes("[]")))));
        assertEquals("Val de Lorraine", dashboard.at("/profile/name").asText());
        assertTrue(dashboard.get("funding").isNull());
        assertTrue(dashboard.at("/recruitment/thisMonth").isNull());
        assertTrue(dashboard.at("/recruitment/shortageJobs").isArray());
        assertEquals("not allowed for your role or scope", dashboard.at("/missing/0/reason").asText());
        assertEquals("funding", dashboard.at("/missing/0/part").asText());
        assertEquals("unavailable", dashboard.at("/missing/1/reason").asText());
        assertEquals("recruitment-service", dashboard.at("/missing/1/service").asText());
        assertEquals(2, dashboard.get("missing").size());
    }

    @Test
    void eachPartIsGivenAsTheServiceWroteItInTheOrderOfTheParts() {
        String profile = "{\"name\":\"Pays de Montb\u00e9liard \u2014 Sud\",\"population\":403223,\"ratio\":5.40,"
                + "\"tags\":[\"a\",{\"b\":null}],\"escaped\":\"\\\"quoted\\\" \\u00e9\"}";
        byte[] dashboard = TerritoryDashboard.compose("ti-2501", List.of(
                new TerritoryDashboard.Part("profile", "territory-service", 200, bytes(profile)),
                new TerritoryDashboard.Part("funding", "funding-service", 200, bytes(" 12.50 ")),
                new TerritoryDashboard.Part("recruitment.thisMonth", "recruitment-service", 200, bytes("{\"open\":3}")),
                new TerritoryDashboard.Part("recruitment.shortageJobs", "recruitment-service", 200, bytes("[1,2]"))));
        assertEquals("{\"code\":\"ti-2501\",\"profile\":" + profile + ",\"funding\": 12.50 ,\"recruitment\":{"
                + "\"thisMonth\":{\"open\":3},\"shortageJobs\":[1,2]},\"missing\":[]}",
                new String(dashboard, StandardCharsets.UTF_8));
    }

    @Test
    void anAnswerThatIsNotOneJsonValueIsAMissingPartAndTheDashboardStaysJson() throws Exception {
        for (String broken : List.of("<html>502 Bad Gateway</html>", "{\"name\":\"Val", "{} {}", "{\"a\":1,}", "", "  ")) {
            JsonNode dashboard = read(TerritoryDashboard.compose("ti-4420", List.of(
                    new TerritoryDashboard.Part("profile", "territory-service", 200, bytes(broken)),
                    new TerritoryDashboard.Part("recruitment.thisMonth", "recruitment-service", 200, bytes("{}")))));
            assertTrue(dashboard.get("profile").isNull(), broken);
            assertEquals("unreadable answer", dashboard.at("/missing/0/reason").asText(), broken);
            assertEquals(1, dashboard.get("missing").size(), broken);
            assertTrue(dashboard.at("/recruitment/thisMonth").isObject(), broken);
        }
    }

    @Test
    void onlyJsonValuesAreTakenAsOne() {
        assertTrue(TerritoryDashboard.isOneJsonValue(bytes("{\"a\":[1,\"x\",null,true]}")));
        assertTrue(TerritoryDashboard.isOneJsonValue(bytes("\"text\"")));
        assertFalse(TerritoryDashboard.isOneJsonValue(bytes("[1,2")));
        assertFalse(TerritoryDashboard.isOneJsonValue(bytes("[1] [2]")));
        assertFalse(TerritoryDashboard.isOneJsonValue(null));
    }

    @Test
    void theCodeGoesIntoTheJsonOnlyWhenItIsATerritoryCode() {
        assertThrows(IllegalArgumentException.class, () -> TerritoryDashboard.compose("ti-1\",\"x\":\"", List.of()));
    }
}
