package fr.territoires.funding.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The figures kept for a territory's report: by priority, one fiscal year or all, keyed by what they depend on. */
class TerritoryFiguresTest {

    private static final UUID APPLICATION = UUID.randomUUID();
    private static final FundingSummary.Facts FACTS = new FundingSummary.Facts(
            List.of(new FundingSummary.Commitment(APPLICATION, "ti-1", "STATE_ANCT", "INNOVATE", 2024,
                    new BigDecimal("30000.00")),
                    new FundingSummary.Commitment(APPLICATION, "ti-1", "REGION", "RECRUIT", 2025,
                            new BigDecimal("10000.00"))),
            List.of(new FundingSummary.Payment(APPLICATION, "ti-1", "STATE_ANCT", "INNOVATE", 2025,
                    new BigDecimal("5000.00"))),
            List.of(new FundingSummary.Approved(APPLICATION, "ti-1", 2024, 3, 4, new BigDecimal("80000.00"))));

    @Test
    void everyPriorityIsListedInOrderWithTheTotalCountingTheApplicationOnce() {
        TerritoryFigures.Figures all = TerritoryFigures.compute(FACTS, null, List.of("44"));
        assertEquals(List.of("RECRUIT", "INNOVATE", "ATTRACT", "SIMPLIFY"),
                all.priorities().stream().map(p -> p.priority().name()).toList());
        assertEquals(new BigDecimal("40000.00"), all.total().committed());
        assertEquals(new BigDecimal("5000.00"), all.total().paid());
        assertEquals(1, all.total().approvedApplications());
    }

    @Test
    void aYearGivesOnlyThatYearsMoney() {
        TerritoryFigures.Figures y2024 = TerritoryFigures.compute(FACTS, 2024, List.of("44"));
        TerritoryFigures.Figures y2025 = TerritoryFigures.compute(FACTS, 2025, List.of("44"));
        assertEquals(new BigDecimal("30000.00"), y2024.total().committed());
        assertEquals(new BigDecimal("10000.00"), y2025.total().committed());
        assertEquals(new BigDecimal("5000.00"), y2025.total().paid());
        assertNotEquals(y2024, y2025);
    }

    @Test
    void theKeyTellsYearsAndRegionsApart() {
        assertEquals(new TerritoryFigures.Key("ti-1", 2024, List.of("44")),
                new TerritoryFigures.Key("ti-1", 2024, List.of("44")));
        assertNotEquals(new TerritoryFigures.Key("ti-1", 2024, List.of("44")),
                new TerritoryFigures.Key("ti-1", null, List.of("44")));
        assertNotEquals(new TerritoryFigures.Key("ti-1", 2024, List.of("44")),
                new TerritoryFigures.Key("ti-1", 2024, List.of("84")));
    }
}
