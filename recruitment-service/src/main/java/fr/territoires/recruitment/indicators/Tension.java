package fr.territoires.recruitment.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The tension indicator of a job in an area for a month, from what the platform holds (see
 * docs/recruitment.md). Inspired by the Dares indicator, which combines components each scaled to
 * [0, 1]; the platform has three of its own:
 * <ul>
 * <li>difficulty: the share of open positions whose company declares the hiring difficult;</li>
 * <li>duration: the average age of the open needs, over {@value #FULL_TENSION_AGE_DAYS} days
 * (capped at 1): needs still open after three months count as fully tense;</li>
 * <li>unfilled: over the needs that ended (filled or expired) in the twelve months up to the
 * month's end, the share of their positions that were still unfilled when they expired.</li>
 * </ul>
 * tension = 100 × the mean of the components available, rounded to a whole number; "unfilled"
 * is left out when no need ended in the window. No open position: no tension (null).
 */
public final class Tension {

    public static final int FULL_TENSION_AGE_DAYS = 90;

    /** What the formula reads, for one job, one area, one month. */
    public record Inputs(long openNeeds, long openPositions, long difficultPositions, long ageDaysOfOpenNeeds,
            long endedPositions, long unfilledEndedPositions) {
    }

    private Tension() {
    }

    public static Integer of(Inputs in) {
        if (in.openPositions() <= 0 || in.openNeeds() <= 0) {
            return null;
        }
        List<Double> components = new ArrayList<>(3);
        components.add((double) in.difficultPositions() / in.openPositions());
        double averageAge = (double) in.ageDaysOfOpenNeeds() / in.openNeeds();
        components.add(Math.min(1.0, Math.max(0.0, averageAge) / FULL_TENSION_AGE_DAYS));
        if (in.endedPositions() > 0) {
            components.add((double) in.unfilledEndedPositions() / in.endedPositions());
        }
        double mean = components.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return (int) Math.round(100 * mean);
    }

    /** A share as a decimal with two places (0.67), or null when there is nothing to share. */
    public static BigDecimal share(long part, long whole) {
        return whole <= 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
