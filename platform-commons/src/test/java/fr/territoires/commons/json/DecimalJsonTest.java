package fr.territoires.commons.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecimalJsonTest {

    private final ObjectMapper mapper = mapper(true);

    private static ObjectMapper mapper(boolean money) {
        ObjectMapper mapper = new ObjectMapper();
        new DecimalJson(() -> money).customize(mapper);
        return mapper;
    }

    @Test
    void itIsABeanThatQuarkusCreates() throws Exception {
        // Two constructors and no @Inject made it no bean at all, silently (issue 18).
        assertEquals(1, DecimalJson.class.getDeclaredConstructors().length);
        assertTrue(DecimalJson.class.getDeclaredConstructors()[0].isAnnotationPresent(jakarta.inject.Inject.class));
        assertTrue(DecimalJson.class.isAnnotationPresent(jakarta.inject.Singleton.class));
    }

    @Test
    void otherServicesKeepTheirDecimalsAsTheyAre() throws Exception {
        assertEquals("{\"hours\":37.5,\"total\":1000000}", mapper(false).writeValueAsString(
                new java.util.TreeMap<>(Map.of("hours", new BigDecimal("37.5"), "total", new BigDecimal("1E+6")))));
    }

    @Test
    void amountsAreWrittenWithTwoDecimalsAndNeverInExponentNotation() throws Exception {
        assertEquals("{\"a\":2400000.00,\"b\":0.50,\"c\":1000000.00,\"d\":0.125}", mapper.writeValueAsString(
                new java.util.TreeMap<>(Map.of("a", new BigDecimal("2400000.0"), "b", new BigDecimal("0.5"),
                        "c", new BigDecimal("1E+6"), "d", new BigDecimal("0.125")))));
    }

    @Test
    void aDocumentReadAndWrittenAgainKeepsItsCents() throws Exception {
        String upstream = "{\"committed\":154000.00,\"leverage\":5.42,\"count\":3}";
        assertEquals(upstream, mapper.writeValueAsString(mapper.readTree(upstream)));
    }
}
