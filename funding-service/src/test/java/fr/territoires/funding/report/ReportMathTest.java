package fr.territoires.funding.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReportMathTest {

    @Test
    void leverageIsPrivateEurosPerPublicEuroRoundedHalfUpToTheCent() {
        assertEquals(new BigDecimal("2.38"), ReportMath.leverage(new BigDecimal("250000.00"), new BigDecimal("105000.00")));
        assertEquals(new BigDecimal("2.39"), ReportMath.leverage(new BigDecimal("2.385"), BigDecimal.ONE));
        assertEquals(new BigDecimal("2.38"), ReportMath.leverage(new BigDecimal("2.3849"), BigDecimal.ONE));
        assertEquals(new BigDecimal("0.00"), ReportMath.leverage(new BigDecimal("0.00"), new BigDecimal("10.00")));
        assertEquals(new BigDecimal("12.50"), ReportMath.leverage(new BigDecimal("250000.00"), new BigDecimal("20000.00")));
    }

    @Test
    void withNothingCommittedThereIsNoLeverage() {
        assertNull(ReportMath.leverage(new BigDecimal("250000.00"), new BigDecimal("0.00")));
        assertNull(ReportMath.leverage(new BigDecimal("250000.00"), null));
    }
}
