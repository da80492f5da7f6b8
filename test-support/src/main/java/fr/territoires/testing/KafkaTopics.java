package fr.territoires.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes a real topic the way a partner's system would, for assertions in tests. */
public final class KafkaTopics {

    /** One record as read: key, headers (UTF-8), value, and where it was. */
    public record Message(String key, Map<String, String> headers, String value, int partition, long offset) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private KafkaTopics() {
    }

    /**
     * Reads the topic from its beginning until {@code enough} holds for what was read, or fails
     * after {@code timeout} with what it saw.
     */
    public static List<Message> readUntil(String bootstrap, String topic, Predicate<List<Message>> enough,
            Duration timeout) {
        Properties p = readerProperties(bootstrap, StringDeserializer.class);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Message> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(250))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    seen.add(new Message(r.key(), headers, r.value(), r.partition(), r.offset()));
                }
                if (enough.test(seen)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("after " + timeout.toSeconds() + " s, " + topic + " held " + seen.size()
                + " records, not what was expected; last: " + (seen.isEmpty() ? "none" : seen.get(seen.size() - 1)));
    }

    /**
     * A test reader's settings: a consumer group of its own that commits nothing, keys and values
     * read by {@code deserializer} (e.g. StringDeserializer, ByteArrayDeserializer).
     */
    public static Properties readerProperties(String bootstrap, Class<?> deserializer) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, deserializer.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, deserializer.getName());
        return p;
    }

    /** "topic-partition" → end offset, for the partitions of these topics that exist now (a missing one starts at 0). */
    public static Map<String, Long> ends(String bootstrap, List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(readerProperties(bootstrap,
                ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
            for (String topic : topics) {
                List<PartitionInfo> infos = existing.get(topic);
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            Map<String, Long> ends = new java.util.HashMap<>();
            consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach((tp, offset) -> ends.put(tp.toString(), offset));
            return ends;
        }
    }

    /**
     * The CloudEvents headers (Kafka binary mode) of an event as a platform service publishes it: a new
     * id, the service as source, the type, the key as subject, now.
     */
    public static Map<String, String> cloudEventHeaders(String service, String type, String subject) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_id", UUID.randomUUID().toString());
        h.put("ce_source", "/territoires/" + service);
        h.put("ce_type", type);
        h.put("ce_time", java.time.Instant.now().toString());
        h.put("ce_subject", subject);
        h.put("ce_specversion", "1.0");
        h.put("content-type", "application/json");
        return h;
    }

    /** Writes one record and waits for the broker's acknowledgement. */
    public static void send(String bootstrap, String topic, String key, Map<String, String> headers, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }
}
