package fr.territoires.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void aClusterIdIsNeverMistakenForAnOption() {
        // About one random id in 64 starts with '-': ten thousand draws would surely meet some.
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaBroker.randomClusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length());
        }
    }
}
