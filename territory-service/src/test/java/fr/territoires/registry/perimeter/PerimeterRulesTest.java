package fr.territoires.registry.perimeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.reference.ReferenceData;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerimeterRulesTest {

    private static final ReferenceData REFERENCE = new ReferenceData();

    @Test
    void realEpcisPass() {
        PerimeterRules.checkEpcis(List.of("245400601", "200041515"), REFERENCE);
    }

    @Test
    void everyBadEpciIsNamedByPosition() {
        ProblemException e = assertThrows(ProblemException.class, () -> PerimeterRules.checkEpcis(
                List.of("245400601", "245400602", "999990005", "245400601", "12"), REFERENCE));
        assertEquals(List.of(
                new Problem.FieldError("epcis[1]", "is not a valid SIREN (Luhn check)"),
                new Problem.FieldError("epcis[2]", "is not an EPCI, an EPT or a commune in @etalab/decoupage-administratif 6.0.0"),
                new Problem.FieldError("epcis[3]", "is listed twice"),
                new Problem.FieldError("epcis[4]", "must be 9 digits")), e.problem().errors());
    }

    @Test
    void anEmptyPerimeterIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> PerimeterRules.checkEpcis(List.of(), REFERENCE));
        assertEquals("epcis", e.problem().errors().get(0).field());
    }

    @Test
    void datesGoForward() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        PerimeterRules.checkDate(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), today);
        PerimeterRules.checkDate(LocalDate.of(2025, 1, 1), null, today);
        ProblemException e = assertThrows(ProblemException.class,
                () -> PerimeterRules.checkDate(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1), today));
        assertEquals("effectiveOn", e.problem().errors().get(0).field());
        assertThrows(ProblemException.class, () -> PerimeterRules.checkDate(null, null, today));
    }

    @Test
    void aChangeIsDatedFrom2018ToAYearAhead() {
        LocalDate today = LocalDate.of(2026, 11, 28);
        PerimeterRules.checkDate(LocalDate.of(2018, 1, 1), null, today);
        PerimeterRules.checkDate(LocalDate.of(2027, 11, 28), null, today);
        assertThrows(ProblemException.class, () -> PerimeterRules.checkDate(LocalDate.of(2027, 11, 29), null, today));
        assertThrows(ProblemException.class, () -> PerimeterRules.checkDate(LocalDate.of(2017, 12, 31), null, today));
        assertThrows(ProblemException.class, () -> PerimeterRules.checkDate(LocalDate.of(2999, 1, 1), null, today));
    }

    @Test
    void anEpciHeldElsewhereInTheSamePhaseIsAConflict() {
        PerimeterRules.checkNoOverlap(List.of());
        ProblemException e = assertThrows(ProblemException.class, () -> PerimeterRules.checkNoOverlap(
                List.of(new PerimeterRules.Conflict("245701222", "ti-4403", "2023-2027"))));
        assertEquals(409, e.problem().status());
        assertEquals("EPCI 245701222 already belongs to ti-4403 in phase 2023-2027", e.problem().detail());
    }
}
