package fr.territoires.registry.territory;

import static fr.territoires.registry.entry.TerritoryStatus.CANDIDATE;
import static fr.territoires.registry.entry.TerritoryStatus.LABELLED;
import static fr.territoires.registry.entry.TerritoryStatus.LEFT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.entry.Territory;
import org.junit.jupiter.api.Test;

class StatusTransitionsTest {

    @Test
    void theProgrammesPaths() {
        assertTrue(StatusTransitions.allowed(CANDIDATE, LABELLED));
        assertTrue(StatusTransitions.allowed(CANDIDATE, LEFT));
        assertTrue(StatusTransitions.allowed(LABELLED, LEFT));
        assertTrue(StatusTransitions.allowed(LEFT, LABELLED));
    }

    @Test
    void noWayBackToCandidateAndNoChangeToTheSameStatus() {
        assertFalse(StatusTransitions.allowed(LABELLED, CANDIDATE));
        assertFalse(StatusTransitions.allowed(LEFT, CANDIDATE));
        assertFalse(StatusTransitions.allowed(LABELLED, LABELLED));
    }

    @Test
    void aRefusalIsAConflictNamingBothStatuses() {
        ProblemException e = assertThrows(ProblemException.class, () -> StatusTransitions.check("ti-4420", LABELLED, CANDIDATE));
        assertEquals(409, e.problem().status());
        assertEquals("Territory ti-4420 cannot go from LABELLED to CANDIDATE", e.problem().detail());
    }

    @Test
    void aNewTerritoryCannotStartAsHavingLeft() {
        ProblemException e = assertThrows(ProblemException.class, () -> StatusTransitions.checkInitial(LEFT));
        assertEquals("status", e.problem().errors().get(0).field());
        StatusTransitions.checkInitial(CANDIDATE);
        StatusTransitions.checkInitial(LABELLED);
    }
}
