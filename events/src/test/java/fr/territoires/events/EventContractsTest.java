package fr.territoires.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.territoires.events.territory.ActionSheetV1;
import fr.territoires.events.territory.Perimeter;
import fr.territoires.events.territory.SiteV1;
import fr.territoires.events.territory.TerritoryLabelledV1;
import fr.territoires.events.territory.TerritoryStatusChangedV1;
import fr.territoires.events.territory.TerritoryUpdatedV1;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The contracts as partners read them: schemas, Java payloads and the AsyncAPI document agree. */
class EventContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("src/main/resources/events/schemas");
    private static final Path PUBLISHED = Path.of("src/test/resources/published");

    @Test
    void everySchemaFileIsARegisteredTypeAndEveryTypeHasItsSchema() throws IOException {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(SCHEMAS)) {
            files = walk.filter(Files::isRegularFile).map(p -> "/events/schemas/" + SCHEMAS.relativize(p))
                    .collect(Collectors.toSet());
        }
        assertEquals(EventType.ALL.stream().map(EventType::schemaPath).collect(Collectors.toSet()), files);
        for (EventType type : EventType.ALL) {
            assertEquals("urn:territoires:event:" + type.type(), EventSchemas.schemaDocument(type).get("$id").asText());
        }
    }

    @Test
    void theJavaPayloadsProduceValidEvents() {
        var labelled = TerritoryLabelledV1.of("ti-4420", "Val de Lorraine", true,
                new Perimeter(List.of("200070563"), List.of("54431", "2A004")));
        assertEquals(List.of(), EventSchemas.violations(EventType.TERRITORY_LABELLED, JSON.valueToTree(labelled)));
        var changed = new TerritoryStatusChangedV1("ti-4420", "Val de Lorraine", "LEFT", "LABELLED", null);
        assertEquals(List.of(), EventSchemas.violations(EventType.TERRITORY_STATUS_CHANGED, JSON.valueToTree(changed)));
        var updated = TerritoryUpdatedV1.of("ti-4420", "Val de Lorraine", "LABELLED", true, List.of("2019-2022"),
                List.of("governance", "industrial-profile"))
                .withGovernance(new TerritoryUpdatedV1.Governance(
                        new TerritoryUpdatedV1.Person("Jean Dupont", "Vice-president", "CC du Bassin de Pompey", null), null,
                        null, List.of("ANCT")))
                .withIndustrialProfile(new TerritoryUpdatedV1.IndustrialProfile(new BigDecimal("22.00"), 531, 2023,
                        List.of(new TerritoryUpdatedV1.KeyCompany("552081317", "Example"))));
        assertEquals(List.of(), EventSchemas.violations(EventType.TERRITORY_UPDATED, JSON.valueToTree(updated)));
        var sheet = new ActionSheetV1(1, "Shared recruitment service", "RECRUIT", "IN_PROGRESS", "CC du Bassin de Pompey",
                null, new BigDecimal("180000.00"), List.of("Hires"), "2027-01-01", null);
        assertEquals(List.of(), EventSchemas.violations(EventType.ACTION_SHEET_ADDED,
                JSON.valueToTree(new ActionSheetV1.Added("ti-4420", sheet))));
        assertEquals(List.of(), EventSchemas.violations(EventType.ACTION_SHEET_UPDATED,
                JSON.valueToTree(new ActionSheetV1.Updated("ti-4420", sheet, "IDEA"))));
        var site = new SiteV1(3, "Former steelworks", "54430", "Pompey", new BigDecimal("12.50"), "AVAILABLE", true,
                List.of("RAIL"), null);
        assertEquals(List.of(), EventSchemas.violations(EventType.SITE_LISTED, JSON.valueToTree(new SiteV1.Listed("ti-4420", site))));
        assertEquals(List.of(), EventSchemas.violations(EventType.SITE_UPDATED,
                JSON.valueToTree(new SiteV1.Updated("ti-4420", site, null))));
        var negative = new SiteV1(3, "Former steelworks", "54430", "Pompey", new BigDecimal("-1"), "AVAILABLE", true,
                List.of("RAIL"), null);
        assertEquals(1, EventSchemas.violations(EventType.SITE_LISTED,
                JSON.valueToTree(new SiteV1.Listed("ti-4420", negative))).size());
    }

    @Test
    void anInvalidPayloadIsNamed() {
        var bad = TerritoryLabelledV1.of("val-de-lorraine", "", true, new Perimeter(List.of("12"), List.of()));
        List<String> violations = EventSchemas.violations(EventType.TERRITORY_LABELLED, JSON.valueToTree(bad));
        assertEquals(3, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("code")), violations.toString());
    }

    /** A published schema may only change compatibly; a breaking change is a new version. */
    @Test
    void publishedSchemasOnlyChangeCompatibly() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(PUBLISHED)) {
            for (Path published : walk.filter(Files::isRegularFile).toList()) {
                Path current = SCHEMAS.resolve(PUBLISHED.relativize(published).toString());
                if (!Files.exists(current)) {
                    problems.add(current + ": a published schema was deleted");
                    continue;
                }
                SchemaCompatibility.breakingChanges(JSON.readTree(published.toFile()), JSON.readTree(current.toFile()))
                        .forEach(p -> problems.add(current + " " + p));
            }
        }
        assertEquals(List.of(), problems, "publish a new version (….v2.json) instead");
    }

    @Test
    void everySchemaIsPublished() {
        for (EventType type : EventType.ALL) {
            assertTrue(Files.exists(PUBLISHED.resolve(type.service()).resolve(type.event() + ".v" + type.version() + ".json")),
                    type.type() + " is not recorded as published: copy its schema under " + PUBLISHED);
        }
    }

    @Test
    void theAsyncApiDocumentDescribesEveryTypeWithAValidExample() throws IOException {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/events/asyncapi.yaml")) {
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        Set<String> addresses = new java.util.HashSet<>();
        doc.get("channels").forEach(c -> addresses.add(c.get("address").asText()));
        assertEquals(Set.copyOf(Topics.ALL), addresses);
        JsonNode messages = doc.at("/components/messages");
        for (EventType type : EventType.ALL) {
            JsonNode message = null;
            for (JsonNode m : messages) {
                if (m.get("name").asText().equals(type.type())) {
                    message = m;
                }
            }
            assertNotNull(message, type.type() + " is missing from asyncapi.yaml");
            assertEquals(type.schemaPath().replace("/events/", ""), message.at("/payload/schema/$ref").asText());
            assertFalse(message.get("examples").isEmpty(), type.type() + " has no example");
            for (JsonNode example : message.get("examples")) {
                assertEquals(type.type(), example.at("/headers/ce_type").asText());
                // The key is the territory; envelope events, which concern none, are keyed by the envelope.
                JsonNode subject = example.at("/payload/code").isMissingNode() ? example.at("/payload/envelopeId")
                        : example.at("/payload/code");
                assertEquals(subject.asText(), example.at("/headers/ce_subject").asText());
                assertEquals(List.of(), EventSchemas.violations(type, example.get("payload")), example.get("name").asText());
            }
        }
    }

    /** The need events: the Java payload fits each schema, bad values are named, and no personal data is carried. */
    @Test
    void theRecruitmentNeedEventsAreValidAndCarryNoPersonalData() {
        var need = new fr.territoires.events.recruitment.NeedV1(java.util.UUID.randomUUID(), "H2913", "H",
                "Soudeur TIG", "54430", "54", "245400601", "25.11Z", "SMALL", 3, 1, 2, "CDI", "SKILLED_WORKER",
                List.of("TIG"), true, "2026-12-01", "2027-02-28", new BigDecimal("35"), true,
                List.of("CANDIDATE_SHORTAGE"), "PARTIALLY_FILLED", "2026-11-22", null);
        assertEquals(List.of(), EventSchemas.violations(EventType.NEED_PUBLISHED,
                JSON.valueToTree(new fr.territoires.events.recruitment.NeedV1.Published("ti-4420", need))));
        assertEquals(List.of(), EventSchemas.violations(EventType.NEED_UPDATED,
                JSON.valueToTree(new fr.territoires.events.recruitment.NeedV1.Updated("ti-4420", need, List.of("filledCount")))));
        assertEquals(List.of(), EventSchemas.violations(EventType.NEED_FILLED,
                JSON.valueToTree(new fr.territoires.events.recruitment.NeedV1.Filled("ti-4420", need, "OPEN"))));
        assertEquals(List.of(), EventSchemas.violations(EventType.NEED_CANCELLED,
                JSON.valueToTree(new fr.territoires.events.recruitment.NeedV1.Cancelled("ti-4420", need, "OPEN"))));
        assertEquals(List.of(), EventSchemas.violations(EventType.NEED_EXPIRED,
                JSON.valueToTree(new fr.territoires.events.recruitment.NeedV1.Expired("ti-4420", need, "OPEN"))));

        var absurd = new fr.territoires.events.recruitment.NeedV1(need.id(), "Z2913", "Z", "Soudeur", "54430", "54", null,
                "25.11Z", "SMALL", 0, 0, 0, "CDI", "SKILLED_WORKER", List.of(), false, "2026-12-01", "2027-02-28",
                new BigDecimal("60"), false, List.of(), "OPEN", "2026-11-22", null);
        List<String> violations = EventSchemas.violations(EventType.NEED_PUBLISHED,
                JSON.valueToTree(new fr.territoires.events.recruitment.NeedV1.Published("ti-4420", absurd)));
        assertEquals(4, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("headcount")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("hoursPerWeek")), violations.toString());

        for (EventType type : List.of(EventType.NEED_PUBLISHED, EventType.NEED_UPDATED, EventType.NEED_FILLED,
                EventType.NEED_CANCELLED, EventType.NEED_EXPIRED)) {
            assertEquals(Topics.RECRUITMENT, type.topic());
            Set<String> fields = new java.util.TreeSet<>();
            EventSchemas.schemaDocument(type).at("/$defs/need/properties").fieldNames().forEachRemaining(fields::add);
            for (String personal : List.of("siret", "siren", "companyName", "name", "contact", "email", "phone",
                    "difficultyComment")) {
                assertFalse(fields.contains(personal), type.type() + " must not carry " + personal);
            }
        }
    }
}
