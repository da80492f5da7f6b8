package fr.territoires.commons.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfficialCodesTest {

    @Test
    void sirenOfRealEpcisPass() {
        // From @etalab/decoupage-administratif: CC Faucigny - Glières, and a commune's SIREN.
        assertEquals(Optional.empty(), OfficialCodes.sirenProblem("200000172"));
        assertEquals(Optional.empty(), OfficialCodes.sirenProblem("210100012"));
    }

    @Test
    void aSirenWithOneWrongDigitFailsLuhn() {
        assertEquals(Optional.of("is not a valid SIREN (Luhn check)"), OfficialCodes.sirenProblem("200000173"));
        assertEquals(Optional.of("must be 9 digits"), OfficialCodes.sirenProblem("20000017"));
        assertEquals(Optional.of("must be 9 digits"), OfficialCodes.sirenProblem("2000001 2"));
        assertEquals(Optional.of("must be 9 digits"), OfficialCodes.sirenProblem(null));
    }

    @Test
    void siretChecksItsSirenAndItsOwnLuhn() {
        assertEquals(Optional.empty(), OfficialCodes.siretProblem("73282932000074"));
        assertEquals(Optional.of("is not a valid SIRET (Luhn check)"), OfficialCodes.siretProblem("73282932000075"));
        assertEquals(Optional.of("does not start with a valid SIREN"), OfficialCodes.siretProblem("73282932100074"));
        assertEquals(Optional.of("must be 14 digits"), OfficialCodes.siretProblem("7328293200007"));
    }

    @Test
    void laPosteSiretsFollowTheirOwnRule() {
        // 3+5+6 + 0… + 1+5 = 20: a multiple of 5, though not Luhn-valid.
        assertTrue(!OfficialCodes.luhn("35600000000015"));
        assertEquals(Optional.empty(), OfficialCodes.siretProblem("35600000000015"));
        assertEquals(Optional.of("is not a valid SIRET of La Poste (digit sum must be a multiple of 5)"),
                OfficialCodes.siretProblem("35600000000016"));
    }

    @Test
    void communeCodesIncludingCorsicaAndOverseas() {
        assertEquals(Optional.empty(), OfficialCodes.communeProblem("54431"));
        assertEquals(Optional.empty(), OfficialCodes.communeProblem("2A004"));
        assertEquals(Optional.empty(), OfficialCodes.communeProblem("2B033"));
        assertEquals(Optional.empty(), OfficialCodes.communeProblem("97411"));
        assertTrue(OfficialCodes.communeProblem("2C004").isPresent());
        assertTrue(OfficialCodes.communeProblem("5443").isPresent());
        assertTrue(OfficialCodes.communeProblem("544310").isPresent());
    }

    @Test
    void romeNafAndRegionCodes() {
        assertEquals(Optional.empty(), OfficialCodes.romeProblem("H2913"));
        assertTrue(OfficialCodes.romeProblem("O1234").isPresent(), "O is not a ROME family");
        assertTrue(OfficialCodes.romeProblem("h2913").isPresent());
        assertEquals(Optional.empty(), OfficialCodes.nafFormatProblem("25.11Z"));
        assertTrue(OfficialCodes.nafFormatProblem("2511Z").isPresent());
        assertEquals(Optional.empty(), OfficialCodes.regionProblem("44"));
        assertEquals(Optional.empty(), OfficialCodes.regionProblem("04"));
        assertTrue(OfficialCodes.regionProblem("4").isPresent());
    }
}
