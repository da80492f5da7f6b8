package fr.territoires.e2e;

import fr.territoires.commons.time.BusinessDates;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.territoires.stack.BuildInfrastructure;
import fr.territoires.testing.KafkaTopics;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What a partner's developer does (docs/partners.md): subscribe to the three topics with the
 * CloudEvents SDK for Java (io.cloudevents:cloudevents-kafka) and read every event the running
 * platform published since it started: what the other end-to-end tests did, and a territory, an
 * envelope and a need this test makes through the gateway, so that all three topics carry events.
 * Every record is a CloudEvent 1.0 the SDK reads, with the attributes and extensions the AsyncAPI
 * promises, a JSON payload, and an id that names one event (what partners de-duplicate on).
 */
class PartnerCloudEventsIT {

    /** Today as the services see it: in Paris (BusinessDates), not in the JVM's zone. */
    private static final BusinessDates DATES = new BusinessDates();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCloudEventsSdkReadsEveryEventThePlatformPublished() throws Exception {
        E2ePlatform platform = E2ePlatform.get();
        String bootstrap = BuildInfrastructure.kafkaBootstrapServers();
        Map<String, Long> from = platform.topicEndsAtStart();
        publishOnEveryTopic(platform);
        // What the platform published since it started (here and in the other tests) reaches all three topics.
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() ->
                PlatformTopics.ALL.stream().allMatch(topic -> PlatformTopics.ends(bootstrap).entrySet().stream()
                        .anyMatch(e -> e.getKey().startsWith(topic + "-") && e.getValue() > from.getOrDefault(e.getKey(), 0L))));
        Map<String, Long> until = PlatformTopics.ends(bootstrap);

        Properties p = KafkaTopics.readerProperties(bootstrap, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        List<ConsumerRecord<String, CloudEvent>> read = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = until.keySet().stream().map(PartnerCloudEventsIT::partition).toList();
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, from.getOrDefault(tp.toString(), 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!partitions.stream().allMatch(tp -> consumer.position(tp) >= until.get(tp.toString()))
                    && System.nanoTime() < deadline) {
                // A record the SDK cannot read fails this poll with a RecordDeserializationException.
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.offset() < until.get(new TopicPartition(r.topic(), r.partition()).toString())) {
                        read.add(r);
                    }
                });
            }
        }
        long expected = until.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L)).sum();
        assertEquals(expected, read.size(), "every record the platform published was read");

        Map<String, Integer> perTopic = new HashMap<>();
        Map<String, String> ids = new HashMap<>();
        for (ConsumerRecord<String, CloudEvent> r : read) {
            CloudEvent e = r.value();
            String where = r.topic() + "@" + r.partition() + ":" + r.offset();
            assertNotNull(e, where);
            assertEquals(SpecVersion.V1, e.getSpecVersion(), where);
            assertTrue(e.getSource().toString().startsWith("/territoires/"), where + " source " + e.getSource());
            assertTrue(e.getType().startsWith("fr.territoires."), where + " type " + e.getType());
            assertEquals(r.key(), e.getSubject(), where + ": the subject is the record's key");
            assertNotNull(e.getTime(), where);
            assertTrue(String.valueOf(e.getExtension("sequence")).matches("[0-9]{19}"), where + " sequence "
                    + e.getExtension("sequence"));
            assertNotNull(e.getData(), where);
            JsonNode data = JSON.readTree(e.getData().toBytes());
            assertTrue(data.isObject(), where + ": a JSON object");
            // Delivery is at least once (a relay that crashed publishes again): a repeated id is the same event.
            String identity = e.getType() + " " + e.getSubject() + " " + e.getExtension("sequence");
            String before = ids.putIfAbsent(e.getSource() + " " + e.getId(), identity);
            assertTrue(before == null || before.equals(identity), where + ": id " + e.getId() + " names two events");
            perTopic.merge(r.topic(), 1, Integer::sum);
        }
        System.out.println("[partner] CloudEvents SDK read " + read.size() + " events (" + ids.size() + " distinct ids): "
                + perTopic);
        assertTrue(PlatformTopics.ALL.stream().allMatch(perTopic::containsKey), "events on every topic: " + perTopic);
    }

    /**
     * Through the gateway, as the programme team and a company would: a territory labelled with a
     * perimeter (territory.events), a national envelope opened (funding.events), and a company of that
     * territory declaring a need (recruitment.events) once its territory reached recruitment-service.
     */
    private static void publishOnEveryTopic(E2ePlatform platform) {
        String admin = KeycloakTokens.user("admin.programme");
        String code = "ti-ce" + java.util.UUID.randomUUID().toString().substring(0, 6);
        given().baseUri(platform.gateway()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("code", code, "name", "Sources du Lac d'Annecy (CloudEvents)", "status", "LABELLED"))
                .when().post("/api/territories").then().statusCode(201);
        // CC des Sources du Lac d'Annecy: no other end-to-end test's.
        given().baseUri(platform.gateway()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("epcis", List.of("247400773"), "effectiveOn", "2024-01-01"))
                .when().put("/api/territories/" + code + "/perimeter").then().statusCode(200);
        int year = DATES.fiscalYear();
        given().baseUri(platform.gateway()).auth().oauth2(admin).contentType("application/json")
                .body(Map.of("funder", "STATE_ANCT", "name", "CloudEvents " + code, "priority", "INNOVATE",
                        "scope", "NATIONAL", "firstYear", year, "lastYear", year + 2, "ceiling", new BigDecimal("1000.00")))
                .when().post("/api/funding/envelopes").then().statusCode(201);
        String company = KeycloakTokens.user("company.demo");
        Awaitility.await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().baseUri(platform.gateway())
                .auth().oauth2(company).contentType("application/json")
                .body(Map.of("siret", "99999000500020", "name", "(demo) Décolletage de Doussard", "nafCode", "25.62B",
                        "commune", "74104", "sizeBand", "SMALL"))
                .when().post("/api/recruitment/companies")
                .then().statusCode(org.hamcrest.Matchers.oneOf(201, 409)));
        LocalDate start = DATES.today().plusDays(15);
        Map<String, Object> need = new HashMap<>(Map.of("siret", "99999000500020", "romeCode", "H2913",
                "jobTitle", "Décolleteur (CloudEvents)", "headcount", 1, "contractType", "CDI",
                "qualificationLevel", "SKILLED_WORKER", "startDate", start.toString(),
                "deadline", start.plusMonths(2).toString(), "hoursPerWeek", 35, "difficult", false));
        given().baseUri(platform.gateway()).auth().oauth2(company).contentType("application/json").body(need)
                .when().post("/api/recruitment/needs").then().statusCode(201);
    }

    private static TopicPartition partition(String topicPartition) {
        int dash = topicPartition.lastIndexOf('-');
        return new TopicPartition(topicPartition.substring(0, dash), Integer.parseInt(topicPartition.substring(dash + 1)));
    }
}
