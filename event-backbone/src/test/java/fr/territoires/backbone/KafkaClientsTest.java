package fr.territoires.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every backbone client presents the cluster's credentials when there are some (Kubernetes), none locally. */
class KafkaClientsTest {

    @Test
    void theCredentialsOfASecuredClusterGoToEveryClient() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"funding-service\" "
                + "password=\"secret\";";
        Properties p = new KafkaClients("kafka:9092", Optional.of("SASL_PLAINTEXT"), Optional.of("SCRAM-SHA-512"),
                Optional.of(jaas), null).common();
        assertEquals("kafka:9092", p.get("bootstrap.servers"));
        assertEquals("SASL_PLAINTEXT", p.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals(jaas, p.get("sasl.jaas.config"));
    }

    @Test
    void locallyOnlyTheBrokerAddress() {
        Properties p = new KafkaClients("localhost:9092", Optional.empty(), Optional.empty(), Optional.empty(), null)
                .common();
        assertEquals("localhost:9092", p.get("bootstrap.servers"));
        assertFalse(p.containsKey("security.protocol"));
        assertEquals(1, p.size());
    }
}
