package fr.territoires.recruitment.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TensionTest {

    @Test
    void noOpenPositionNoTension() {
        assertNull(Tension.of(new Tension.Inputs(0, 0, 0, 0, 10, 5)));
    }

    @Test
    void theMeanOfTheThreeComponents() {
        // difficulty 2/4 = 0.5; duration (90+90)/2 days / 90 = 1; unfilled 1/4 = 0.25 → 100 × 1.75 / 3 = 58.3
        assertEquals(58, Tension.of(new Tension.Inputs(2, 4, 2, 180, 4, 1)));
    }

    @Test
    void withoutEndedNeedsTheUnfilledComponentIsLeftOut() {
        // difficulty 1/3; duration 45 days / 90 = 0.5 → 100 × (0.333 + 0.5) / 2 = 41.7
        assertEquals(42, Tension.of(new Tension.Inputs(1, 3, 1, 45, 0, 0)));
    }

    @Test
    void oldNeedsCountAsFullyTenseButNoMore() {
        assertEquals(100, Tension.of(new Tension.Inputs(1, 2, 2, 400, 3, 3)));
        assertEquals(0, Tension.of(new Tension.Inputs(1, 2, 0, 0, 3, 0)));
    }

    @Test
    void sharesHaveTwoDecimals() {
        assertEquals(new BigDecimal("0.67"), Tension.share(2, 3));
        assertNull(Tension.share(1, 0));
    }
}
