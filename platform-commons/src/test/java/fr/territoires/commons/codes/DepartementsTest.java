package fr.territoires.commons.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DepartementsTest {

    @Test
    void aCommuneIsInTheRegionOfItsDepartement() {
        assertEquals(Optional.of("44"), Departements.regionOfCommune("54431"), "Pont-à-Mousson, Grand Est");
        assertEquals(Optional.of("84"), Departements.regionOfCommune("01283"), "Oyonnax, Auvergne-Rhône-Alpes");
        assertEquals(Optional.of("94"), Departements.regionOfCommune("2A004"), "Ajaccio, Corse");
        assertEquals(Optional.of("04"), Departements.regionOfCommune("97411"), "Saint-Denis, La Réunion");
        assertEquals(Optional.empty(), Departements.regionOfCommune("99999"));
        assertEquals(Optional.empty(), Departements.regionOfCommune(null));
    }

    @Test
    void aRegionHasItsDepartements() {
        assertEquals(java.util.List.of("08", "10", "51", "52", "54", "55", "57", "67", "68", "88"), Departements.ofRegion("44"));
        assertEquals(java.util.List.of("2A", "2B"), Departements.ofRegion("94"));
        assertEquals(java.util.List.of("974"), Departements.ofRegion("04"));
        assertEquals(java.util.List.of(), Departements.ofRegion("99"));
    }
}
