package fr.territoires.recruitment.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private static final ReferenceData REFERENCE = new ReferenceData();

    @Test
    void theNafListHoldsTheSubclassesOnly() {
        assertEquals(732, REFERENCE.nafCount());
        assertEquals(Optional.of("Fabrication de structures métalliques et de parties de structures"), REFERENCE.naf("25.11Z"));
        assertTrue(REFERENCE.naf("25.11").isEmpty(), "a class is not a company's code");
        assertTrue(REFERENCE.naf("25.11A").isEmpty());
        assertTrue(REFERENCE.source().startsWith("@socialgouv/codes-naf 1.1.1"), REFERENCE.source());
    }

    @Test
    void aCommuneKnowsItsDepartementRegionAndEpci() {
        ReferenceData.Commune pompey = REFERENCE.commune("54430").orElseThrow();
        assertEquals("Pompey", pompey.name());
        assertEquals("54", pompey.departement());
        assertEquals("44", pompey.region());
        assertEquals("245400601", pompey.epci());
        assertEquals(Optional.of("Grand Est"), REFERENCE.regionName("44"));
        assertEquals(Optional.of("Meurthe-et-Moselle"), REFERENCE.departementName("54"));
        assertTrue(REFERENCE.epciName("245400601").orElseThrow().contains("Pompey"));
        assertEquals("2A", REFERENCE.commune("2A004").orElseThrow().departement());
        assertTrue(REFERENCE.commune("99999").isEmpty());
    }

    @Test
    void romeCodesAreCheckedForFormatAndFamily() {
        assertTrue(Rome.problem("H2913").isEmpty());
        assertTrue(Rome.problem("N1101").isEmpty());
        assertTrue(Rome.problem("O1234").orElseThrow().contains("families are A to N"));
        assertTrue(Rome.problem("h2913").isPresent());
        assertTrue(Rome.problem("H29131").isPresent());
        assertTrue(Rome.problem(null).isPresent());
        assertEquals(14, Rome.Family.values().length);
        assertEquals("Installation et maintenance", Rome.family("I1304").label);
    }
}
