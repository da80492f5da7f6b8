package fr.territoires.registry.governance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.governance.ContractDocument.Kind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GovernanceRulesTest {

    private static final LocalDate PROTOCOLE = LocalDate.of(2023, 3, 10);
    private static final LocalDate CONTRAT = LocalDate.of(2024, 2, 1);
    private static final List<ContractRules.Signed> BOTH = List.of(new ContractRules.Signed(Kind.PROTOCOLE_ACCORD, PROTOCOLE),
            new ContractRules.Signed(Kind.CONTRAT, CONTRAT));

    /** The business date the rules are checked on (a fixed one: the rules do not depend on the real date). */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static ProblemException refused(Kind kind, LocalDate signed, LocalDate ends, List<ContractRules.Signed> recorded) {
        return assertThrows(ProblemException.class, () -> ContractRules.check(kind, signed, ends, TODAY, recorded));
    }

    @Test
    void aContractGoesProtocoleThenContratThenAvenants() {
        assertDoesNotThrow(() -> ContractRules.check(Kind.PROTOCOLE_ACCORD, PROTOCOLE, null, TODAY, List.of()));
        assertDoesNotThrow(() -> ContractRules.check(Kind.CONTRAT, CONTRAT, LocalDate.of(2027, 12, 31), TODAY,
                BOTH.subList(0, 1)));
        assertDoesNotThrow(() -> ContractRules.check(Kind.CONTRAT, CONTRAT, null, TODAY, List.of()), "a contrat without protocole");
        assertDoesNotThrow(() -> ContractRules.check(Kind.AVENANT, CONTRAT, null, TODAY, BOTH), "an avenant the day of the contrat");
        assertDoesNotThrow(() -> ContractRules.check(Kind.AVENANT, LocalDate.of(2025, 5, 5), null, TODAY, BOTH));
    }

    @Test
    void outOfOrderDocumentsAreConflicts() {
        assertEquals(409, refused(Kind.AVENANT, CONTRAT, null, BOTH.subList(0, 1)).problem().status(),
                "an avenant without a contrat");
        assertEquals(409, refused(Kind.CONTRAT, CONTRAT, null, BOTH).problem().status(), "a second contrat");
        assertEquals(409, refused(Kind.PROTOCOLE_ACCORD, PROTOCOLE, null, BOTH.subList(0, 1)).problem().status());
        assertEquals(409, refused(Kind.PROTOCOLE_ACCORD, PROTOCOLE, null,
                List.of(new ContractRules.Signed(Kind.CONTRAT, CONTRAT))).problem().status(), "a protocole after the contrat");
    }

    @Test
    void datesInTheWrongOrderNameTheField() {
        ProblemException early = refused(Kind.CONTRAT, PROTOCOLE.minusDays(1), null, BOTH.subList(0, 1));
        assertEquals(400, early.problem().status());
        assertEquals("signedOn", early.problem().errors().get(0).field());
        List<ContractRules.Signed> withAvenant = List.of(BOTH.get(0), BOTH.get(1),
                new ContractRules.Signed(Kind.AVENANT, LocalDate.of(2025, 1, 1)));
        assertEquals("signedOn", refused(Kind.AVENANT, LocalDate.of(2024, 12, 31), null, withAvenant).problem().errors()
                .get(0).field());
        assertEquals("endsOn", refused(Kind.CONTRAT, CONTRAT, CONTRAT, List.of()).problem().errors().get(0).field());
        assertEquals("signedOn", refused(Kind.PROTOCOLE_ACCORD, TODAY.plusDays(1), null, List.of()).problem()
                .errors().get(0).field(), "a document is recorded once signed");
    }

    @Test
    void aPlannedMeetingHasNoDecisionsYet() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        assertDoesNotThrow(() -> MeetingRules.check(today.plusDays(30), List.of(), today));
        assertDoesNotThrow(() -> MeetingRules.check(today, List.of("Contract approved"), today));
        ProblemException e = assertThrows(ProblemException.class,
                () -> MeetingRules.check(today.plusDays(1), List.of("Contract approved"), today));
        assertEquals("decisions", e.problem().errors().get(0).field());
    }
}
