package fr.territoires.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = """
            {"type":"object","required":["code","status"],
             "properties":{"code":{"type":"string","pattern":"^ti-"},"status":{"enum":["A","B"]},"note":{"type":"string"}}}
            """;

    private static List<String> diff(String after) throws Exception {
        JsonNode before = JSON.readTree(BASE);
        return SchemaCompatibility.breakingChanges(before, JSON.readTree(after));
    }

    @Test
    void identicalOrReworded() throws Exception {
        assertEquals(List.of(), diff(BASE));
        assertEquals(List.of(), diff(BASE.replace("\"type\":\"object\"", "\"type\":\"object\",\"description\":\"new words\"")));
    }

    @Test
    void aNewPropertyIsCompatible() throws Exception {
        assertEquals(List.of(), diff(BASE.replace("\"note\":{\"type\":\"string\"}",
                "\"note\":{\"type\":\"string\"},\"extra\":{\"type\":\"integer\"}")));
    }

    @Test
    void removingOrRetypingAPropertyBreaks() throws Exception {
        assertEquals(List.of("/properties/note was removed"),
                diff(BASE.replace(",\"note\":{\"type\":\"string\"}", "")));
        assertEquals(List.of("/properties/note/type changed from \"string\" to \"integer\""),
                diff(BASE.replace("\"note\":{\"type\":\"string\"}", "\"note\":{\"type\":\"integer\"}")));
    }

    @Test
    void droppingARequirementOrChangingAnEnumBreaks() throws Exception {
        assertEquals(List.of("/required no longer requires status"), diff(BASE.replace(",\"status\"]", "]")));
        assertEquals(List.of("/properties/status/enum changed from [\"A\",\"B\"] to [\"A\",\"B\",\"C\"]"),
                diff(BASE.replace("[\"A\",\"B\"]", "[\"A\",\"B\",\"C\"]")));
    }

    @Test
    void aNewConstraintOnAnExistingPropertyBreaks() throws Exception {
        assertEquals(List.of("/properties/note/maxLength is a new constraint"),
                diff(BASE.replace("\"note\":{\"type\":\"string\"}", "\"note\":{\"type\":\"string\",\"maxLength\":3}")));
    }
}
