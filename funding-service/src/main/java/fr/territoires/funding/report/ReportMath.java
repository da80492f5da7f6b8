package fr.territoires.funding.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The reports' ratios, in BigDecimal with a stated rounding. */
public final class ReportMath {

    /** Zero euros, written 0.00 like every other amount. */
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private ReportMath() {
    }

    /**
     * Leverage: private euros invested per public euro committed, rounded half up to two decimals
     * (2.385 → 2.39). Null when nothing is committed: a ratio to zero means nothing, and 0 would
     * read as "no private money".
     */
    public static BigDecimal leverage(BigDecimal privateInvestment, BigDecimal committed) {
        if (committed == null || committed.signum() == 0 || privateInvestment == null) {
            return null;
        }
        return privateInvestment.divide(committed, 2, RoundingMode.HALF_UP);
    }
}
