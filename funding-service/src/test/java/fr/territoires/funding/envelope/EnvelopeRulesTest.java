package fr.territoires.funding.envelope;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.ProblemException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeRulesTest {

    private static EnvelopeState envelope(Envelope.Scope scope, String scopeRegion, List<String> territories,
            String ceiling, String committed, Envelope.Status status) {
        return new EnvelopeState(UUID.randomUUID(), "Fund", Envelope.Funder.STATE_ANCT, null, Envelope.Priority.INNOVATE,
                scope, scopeRegion, territories, 2024, 2027, new BigDecimal(ceiling), new BigDecimal(committed),
                BigDecimal.ZERO, status);
    }

    private static String refusal(EnvelopeState e, String territory, List<String> regions, int year, String amount) {
        return assertThrows(ProblemException.class, () -> EnvelopeRules.checkCommit(e, territory, regions, year,
                new BigDecimal(amount))).problem().type().toString().replace("urn:territoires:problem:", "");
    }

    @Test
    void aCommitmentNeverGoesBeyondTheCeiling() {
        EnvelopeState e = envelope(Envelope.Scope.NATIONAL, null, List.of(), "1000000.00", "990000.00", Envelope.Status.OPEN);
        assertDoesNotThrow(() -> EnvelopeRules.checkCommit(e, "ti-a", List.of("44"), 2025, new BigDecimal("10000.00")));
        assertEquals("envelope-exhausted", refusal(e, "ti-a", List.of("44"), 2025, "10000.01"));
    }

    @Test
    void onlyAnOpenEnvelopeInItsYearsAndScopeCommits() {
        assertEquals("envelope-not-open", refusal(envelope(Envelope.Scope.NATIONAL, null, List.of(), "10", "0",
                Envelope.Status.FROZEN), "ti-a", List.of(), 2025, "1"));
        assertEquals("envelope-not-for-year", refusal(envelope(Envelope.Scope.NATIONAL, null, List.of(), "10", "0",
                Envelope.Status.OPEN), "ti-a", List.of(), 2028, "1"));
        EnvelopeState grandEst = envelope(Envelope.Scope.REGION, "44", List.of(), "10", "0", Envelope.Status.OPEN);
        assertDoesNotThrow(() -> EnvelopeRules.checkCommit(grandEst, "ti-a", List.of("27", "44"), 2025, BigDecimal.ONE));
        assertEquals("envelope-out-of-scope", refusal(grandEst, "ti-a", List.of("84"), 2025, "1"));
        EnvelopeState listed = envelope(Envelope.Scope.TERRITORIES, null, List.of("ti-a"), "10", "0", Envelope.Status.OPEN);
        assertEquals("envelope-out-of-scope", refusal(listed, "ti-b", List.of("44"), 2025, "1"));
    }

    @Test
    void theCeilingNeverGoesBelowWhatIsCommittedAndClosedIsFinal() {
        assertDoesNotThrow(() -> EnvelopeRules.checkCeiling(new BigDecimal("500"), new BigDecimal("500")));
        assertEquals("ceiling", assertThrows(ProblemException.class, () -> EnvelopeRules.checkCeiling(
                new BigDecimal("499.99"), new BigDecimal("500"))).problem().errors().get(0).field());
        EnvelopeRules.checkTransition(Envelope.Status.OPEN, Envelope.Status.FROZEN);
        EnvelopeRules.checkTransition(Envelope.Status.FROZEN, Envelope.Status.OPEN);
        assertThrows(ProblemException.class, () -> EnvelopeRules.checkTransition(Envelope.Status.CLOSED, Envelope.Status.OPEN));
    }
}
