package fr.territoires.registry.actionsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.actionsheet.ActionSheet.Status;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ActionSheetRulesTest {

    @Test
    void aSheetMovesForwardOrIsAbandonedBeforeItIsDone() {
        assertTrue(ActionSheetRules.allowed(Status.IDEA, Status.IN_PROGRESS));
        assertTrue(ActionSheetRules.allowed(Status.IN_PROGRESS, Status.DONE));
        assertTrue(ActionSheetRules.allowed(Status.IDEA, Status.ABANDONED));
        assertTrue(ActionSheetRules.allowed(Status.IN_PROGRESS, Status.ABANDONED));
        assertTrue(ActionSheetRules.allowed(Status.DONE, Status.DONE), "editing a done sheet's text keeps its status");
        assertFalse(ActionSheetRules.allowed(Status.IDEA, Status.DONE), "done without being carried out");
        assertFalse(ActionSheetRules.allowed(Status.DONE, Status.IN_PROGRESS));
        assertFalse(ActionSheetRules.allowed(Status.ABANDONED, Status.IDEA));
        assertEquals(409, assertThrows(ProblemException.class,
                () -> ActionSheetRules.checkTransition(1, Status.DONE, Status.ABANDONED)).problem().status());
    }

    @Test
    void aNewSheetIsAnIdeaOrInProgressAndEndsAfterItStarts() {
        assertEquals("status", assertThrows(ProblemException.class, () -> ActionSheetRules.checkInitial(Status.DONE))
                .problem().errors().get(0).field());
        ActionSheetRules.checkInitial(Status.IN_PROGRESS);
        ActionSheetRules.checkDates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1));
        ActionSheetRules.checkDates(null, LocalDate.of(2025, 1, 1));
        assertEquals("endsOn", assertThrows(ProblemException.class,
                () -> ActionSheetRules.checkDates(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 1))).problem().errors()
                .get(0).field());
    }
}
