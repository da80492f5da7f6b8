package fr.territoires.funding.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.ProblemException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MoneyRulesTest {

    private static CallerScope caller(String role, String region) {
        return new CallerScope("someone", Set.of(role), region, List.of(), null);
    }

    @Test
    void theProgrammeTeamOwnsNationalFundersEnvelopesAndARegionOnlyItsOwn() {
        CallerScope admin = caller(CallerScope.PROGRAMME_ADMIN, null);
        CallerScope grandEst = caller(CallerScope.REGION_OFFICER, "44");
        for (Envelope.Funder national : List.of(Envelope.Funder.STATE_ANCT, Envelope.Funder.BPIFRANCE,
                Envelope.Funder.BANQUE_DES_TERRITOIRES, Envelope.Funder.EU_FEDER, Envelope.Funder.ADEME, Envelope.Funder.OTHER)) {
            assertTrue(MoneyRules.ownsEnvelope(admin, national, null), national.name());
            assertFalse(MoneyRules.ownsEnvelope(grandEst, national, null), national.name());
        }
        assertTrue(MoneyRules.ownsEnvelope(grandEst, Envelope.Funder.REGION, "44"));
        assertFalse(MoneyRules.ownsEnvelope(grandEst, Envelope.Funder.REGION, "84"));
        assertFalse(MoneyRules.ownsEnvelope(admin, Envelope.Funder.REGION, "44"), "a Region's money is the Region's");
        assertFalse(MoneyRules.ownsEnvelope(caller(CallerScope.TERRITORY_MANAGER, "44"), Envelope.Funder.REGION, "44"));
        assertFalse(MoneyRules.ownsEnvelope(caller(CallerScope.PARTNER, null), Envelope.Funder.STATE_ANCT, null));
        assertFalse(MoneyRules.ownsEnvelope(caller(CallerScope.REGION_OFFICER, null), Envelope.Funder.REGION, null));
    }

    @Test
    void aRegionManagesItsOwnEnvelopesOnly() {
        assertTrue(MoneyRules.mayManageEnvelope(caller(CallerScope.REGION_OFFICER, "44"), Envelope.Funder.REGION, "44"));
        assertFalse(MoneyRules.mayManageEnvelope(caller(CallerScope.REGION_OFFICER, "84"), Envelope.Funder.REGION, "44"));
        assertFalse(MoneyRules.mayManageEnvelope(caller(CallerScope.REGION_OFFICER, "44"), Envelope.Funder.STATE_ANCT, null));
        assertTrue(MoneyRules.mayManageEnvelope(caller(CallerScope.PROGRAMME_ADMIN, null), Envelope.Funder.BPIFRANCE, null));
    }

    @Test
    void theRefusalNamesTheEnvelopeAndItsOwner() {
        UUID id = UUID.randomUUID();
        ProblemException e = MoneyRules.notYourMoney(caller(CallerScope.REGION_OFFICER, "44"), id, "Fonds État",
                Envelope.Funder.STATE_ANCT, null, "approved[0].envelopeId");
        assertEquals(403, e.problem().status());
        assertTrue(e.problem().detail().contains("Fonds État") && e.problem().detail().contains(id.toString())
                && e.problem().detail().contains("programme team"), e.problem().detail());
        assertEquals("approved[0].envelopeId", e.problem().errors().get(0).field());
    }

    @Test
    void aPaymentIsDatedInTheEnvelopesFiscalYearsAndNeverAhead() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        MoneyRules.checkPaymentDate(today, today, "E", 2024, 2027);
        MoneyRules.checkPaymentDate(LocalDate.of(2024, 1, 1), today, "E", 2024, 2027);
        ProblemException future = assertThrows(ProblemException.class,
                () -> MoneyRules.checkPaymentDate(today.plusDays(1), today, "E", 2024, 2027));
        assertEquals("paidOn", future.problem().errors().get(0).field());
        assertThrows(ProblemException.class, () -> MoneyRules.checkPaymentDate(LocalDate.of(2023, 12, 31), today, "E", 2024, 2027));
        assertThrows(ProblemException.class, () -> MoneyRules.checkPaymentDate(LocalDate.of(1900, 1, 1), today, "E", 2024, 2027));
        assertThrows(ProblemException.class, () -> MoneyRules.checkPaymentDate(LocalDate.of(2025, 6, 1), today, "E", 2026, 2027));
    }

    @Test
    void aYearWithoutACpLinePaysNothingOnAnEnvelopeThatDeclaresSome() {
        assertFalse(EnvelopeRules.yearWithoutCeilingAllows(true, new BigDecimal("0.01")));
        assertTrue(EnvelopeRules.yearWithoutCeilingAllows(true, new BigDecimal("-10.00")), "a reversal always fits");
        assertTrue(EnvelopeRules.yearWithoutCeilingAllows(false, new BigDecimal("1000000.00")), "no CP at all: AE only");
    }
}
