package fr.territoires.funding.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fr.territoires.funding.report.FundingSummary.Approved;
import fr.territoires.funding.report.FundingSummary.By;
import fr.territoires.funding.report.FundingSummary.Commitment;
import fr.territoires.funding.report.FundingSummary.Facts;
import fr.territoires.funding.report.FundingSummary.Figures;
import fr.territoires.funding.report.FundingSummary.Payment;
import fr.territoires.funding.report.FundingSummary.Result;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReportSummaryTest {

    private static final UUID LORRAINE_PROJECT = UUID.randomUUID();
    private static final UUID BORDER_PROJECT = UUID.randomUUID();
    /** ti-border lies in Grand Est and Auvergne-Rhône-Alpes; ti-ghost is unknown to the replica. */
    private static final Function<String, List<String>> REGIONS = Map.of("ti-lorraine", List.of("44"),
            "ti-border", List.of("44", "84"))::get;

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    /**
     * ti-lorraine: one project co-financed by the State (innovate, 85,000 €) and the Region
     * (recruit, 20,000 €), paid 25,500 € in 2026 and 40,000 € in 2027 of which 5,000 € were taken back.
     * ti-border: one project of the State (innovate, 10,000 €, paid in 2026).
     */
    private static Facts facts() {
        return new Facts(List.of(
                new Commitment(LORRAINE_PROJECT, "ti-lorraine", "STATE_ANCT", "INNOVATE", 2026, eur("85000.00")),
                new Commitment(LORRAINE_PROJECT, "ti-lorraine", "REGION", "RECRUIT", 2026, eur("20000.00")),
                new Commitment(BORDER_PROJECT, "ti-border", "STATE_ANCT", "INNOVATE", 2026, eur("10000.00"))),
                List.of(new Payment(LORRAINE_PROJECT, "ti-lorraine", "STATE_ANCT", "INNOVATE", 2026, eur("25500.00")),
                        new Payment(LORRAINE_PROJECT, "ti-lorraine", "STATE_ANCT", "INNOVATE", 2027, eur("35000.00")),
                        new Payment(BORDER_PROJECT, "ti-border", "STATE_ANCT", "INNOVATE", 2026, eur("10000.00"))),
                List.of(new Approved(LORRAINE_PROJECT, "ti-lorraine", 2026, 12, 30, eur("250000.00")),
                        new Approved(BORDER_PROJECT, "ti-border", 2026, 3, 0, eur("0.00"))));
    }

    private static Figures group(Result r, String key) {
        return r.groups().stream().filter(g -> key.equals(g.key())).findFirst().orElseThrow();
    }

    private static void assertFigures(Figures f, long applications, String committed, String paid, long jobsCreated,
            long jobsKept, String privateInvestment, String leverage) {
        assertEquals(applications, f.approvedApplications(), "applications of " + f.key());
        assertEquals(eur(committed), f.committed(), "committed of " + f.key());
        assertEquals(eur(paid), f.paid(), "paid of " + f.key());
        assertEquals(jobsCreated, f.jobsCreated(), "jobs created of " + f.key());
        assertEquals(jobsKept, f.jobsKept(), "jobs kept of " + f.key());
        assertEquals(eur(privateInvestment), f.privateInvestment(), "private investment of " + f.key());
        assertEquals(leverage == null ? null : eur(leverage), f.leverage(), "leverage of " + f.key());
    }

    @Test
    void byTerritoryEveryFigureOfAnApprovedApplication() {
        Result r = FundingSummary.summarise(facts(), By.TERRITORY, null, REGIONS, List.of());
        assertEquals(List.of("ti-border", "ti-lorraine"), r.groups().stream().map(Figures::key).toList());
        assertFigures(group(r, "ti-lorraine"), 1, "105000.00", "60500.00", 12, 30, "250000.00", "2.38");
        assertFigures(group(r, "ti-border"), 1, "10000.00", "10000.00", 3, 0, "0.00", "0.00");
        assertFigures(r.total(), 2, "115000.00", "70500.00", 15, 30, "250000.00", "2.17");
    }

    @Test
    void aTerritoryInTwoRegionsCountsInBothButOnceInTheTotal() {
        Result r = FundingSummary.summarise(facts(), By.REGION, null, REGIONS, List.of());
        assertEquals(List.of("44", "84"), r.groups().stream().map(Figures::key).toList());
        assertFigures(group(r, "44"), 2, "115000.00", "70500.00", 15, 30, "250000.00", "2.17");
        assertFigures(group(r, "84"), 1, "10000.00", "10000.00", 3, 0, "0.00", "0.00");
        assertFigures(r.total(), 2, "115000.00", "70500.00", 15, 30, "250000.00", "2.17");
    }

    @Test
    void aTerritoryUnknownToTheReplicaIsInTheUnknownRegionListedLast() {
        Facts ghost = new Facts(List.of(new Commitment(UUID.randomUUID(), "ti-ghost", "ADEME", "ATTRACT", 2025,
                eur("1.00"))), List.of(), List.of());
        Facts all = new Facts(java.util.stream.Stream.concat(ghost.commitments().stream(), facts().commitments().stream())
                .toList(), facts().payments(), facts().applications());
        Result r = FundingSummary.summarise(all, By.REGION, null, REGIONS, List.of());
        assertEquals(List.of("44", "84", FundingSummary.UNKNOWN_REGION), r.groups().stream().map(Figures::key).toList());
        assertEquals(eur("1.00"), group(r, FundingSummary.UNKNOWN_REGION).committed());
    }

    @Test
    void aCoFinancedApplicationCountsForEachFunderWithItsJobsButTheTotalCountsItOnce() {
        Result r = FundingSummary.summarise(facts(), By.FUNDER, null, REGIONS, List.of("STATE_ANCT", "REGION", "ADEME"));
        assertEquals(List.of("STATE_ANCT", "REGION", "ADEME"), r.groups().stream().map(Figures::key).toList());
        assertFigures(group(r, "STATE_ANCT"), 2, "95000.00", "70500.00", 15, 30, "250000.00", "2.63");
        assertFigures(group(r, "REGION"), 1, "20000.00", "0.00", 12, 30, "250000.00", "12.50");
        assertFigures(group(r, "ADEME"), 0, "0.00", "0.00", 0, 0, "0.00", null);
        assertFigures(r.total(), 2, "115000.00", "70500.00", 15, 30, "250000.00", "2.17");
    }

    @Test
    void byYearCommitmentsCountInTheirYearAndPaymentsInTheirFiscalYear() {
        Result r = FundingSummary.summarise(facts(), By.YEAR, null, REGIONS, List.of());
        assertEquals(List.of("2026", "2027"), r.groups().stream().map(Figures::key).toList());
        assertFigures(group(r, "2026"), 2, "115000.00", "35500.00", 15, 30, "250000.00", "2.17");
        assertFigures(group(r, "2027"), 0, "0.00", "35000.00", 0, 0, "0.00", null);
    }

    @Test
    void aYearFilterKeepsThatYearsFactsOnly() {
        Result r = FundingSummary.summarise(facts(), By.PRIORITY, 2027, REGIONS, List.of("RECRUIT", "INNOVATE"));
        assertFigures(group(r, "INNOVATE"), 0, "0.00", "35000.00", 0, 0, "0.00", null);
        assertFigures(group(r, "RECRUIT"), 0, "0.00", "0.00", 0, 0, "0.00", null);
        assertFigures(r.total(), 0, "0.00", "35000.00", 0, 0, "0.00", null);
        assertNull(r.total().key());
    }

    @Test
    void factsCanBeNarrowedToSomeTerritories() {
        Facts lorraine = facts().of("ti-lorraine"::equals);
        assertEquals(java.util.Set.of("ti-lorraine"), lorraine.territories());
        Result r = FundingSummary.summarise(lorraine, By.PRIORITY, null, REGIONS, List.of("RECRUIT", "INNOVATE"));
        assertFigures(group(r, "INNOVATE"), 1, "85000.00", "60500.00", 12, 30, "250000.00", "2.94");
        assertFigures(group(r, "RECRUIT"), 1, "20000.00", "0.00", 12, 30, "250000.00", "12.50");
        assertFigures(r.total(), 1, "105000.00", "60500.00", 12, 30, "250000.00", "2.38");
    }
}
