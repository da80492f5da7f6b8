package fr.territoires.recruitment.need;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.territoires.commons.problem.Problem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeedRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static NeedRequest request(String rome, int headcount, Integer filled, LocalDate start, LocalDate deadline,
            boolean difficult, Set<RecruitmentNeed.DifficultyReason> reasons) {
        return new NeedRequest("73282932000074", rome, "Soudeur", headcount, filled, RecruitmentNeed.ContractType.CDI,
                RecruitmentNeed.QualificationLevel.SKILLED_WORKER, List.of(), false, start, deadline, new BigDecimal("35"),
                difficult, reasons, null);
    }

    private static List<String> fields(List<Problem.FieldError> errors) {
        return errors.stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aSoundNeedHasNoProblem() {
        assertEquals(List.of(), NeedRules.problems(request("H2913", 3, 1, TODAY, TODAY.plusMonths(2), true,
                Set.of(RecruitmentNeed.DifficultyReason.CANDIDATE_SHORTAGE)), TODAY, null));
    }

    @Test
    void theRomeCodeMustBeInTheReferential() {
        List<Problem.FieldError> errors = NeedRules.problems(request("N9999", 3, null, TODAY, TODAY, false, Set.of()),
                TODAY, null);
        assertEquals(List.of("romeCode"), fields(errors));
        assertTrue(errors.get(0).message().contains("not a job of the ROME referential"), errors.toString());
        assertEquals(List.of(), NeedRules.problems(request("N1101", 3, null, TODAY, TODAY, false, Set.of()), TODAY, null));
    }

    @Test
    void theRomeFamilyMustBeAToN() {
        List<Problem.FieldError> errors = NeedRules.problems(request("Z1234", 3, null, TODAY, TODAY, false, Set.of()),
                TODAY, null);
        assertEquals(List.of("romeCode"), fields(errors));
        assertTrue(errors.get(0).message().contains("families are A to N"), errors.toString());
        assertEquals(List.of("romeCode"), fields(NeedRules.problems(
                request("H291", 3, null, TODAY, TODAY, false, Set.of()), TODAY, null)));
    }

    @Test
    void filledMayNotExceedHeadcountAndTheDeadlineNotPrecedeTheStart() {
        assertEquals(List.of("filledCount"), fields(NeedRules.problems(
                request("H2913", 3, 4, TODAY, TODAY.plusDays(5), false, Set.of()), TODAY, null)));
        List<Problem.FieldError> errors = NeedRules.problems(
                request("H2913", 3, 0, TODAY.plusDays(10), TODAY.plusDays(5), false, Set.of()), TODAY, null);
        assertEquals(List.of("deadline"), fields(errors));
        assertEquals("must be on or after startDate (2026-03-20)", errors.get(0).message());
    }

    @Test
    void aDeadlineInThePastIsRefusedUnlessItIsTheOneTheNeedAlreadyHad() {
        NeedRequest late = request("H2913", 3, 0, TODAY.minusDays(30), TODAY.minusDays(1), false, Set.of());
        assertEquals(List.of("deadline"), fields(NeedRules.problems(late, TODAY, null)));
        RecruitmentNeed current = new RecruitmentNeed();
        current.deadline = TODAY.minusDays(1);
        current.filledCount = 0;
        assertEquals(List.of(), NeedRules.problems(late, TODAY, current));
    }

    @Test
    void theHeadcountCannotDropBelowThePositionsAlreadyFilled() {
        RecruitmentNeed current = new RecruitmentNeed();
        current.deadline = TODAY.plusDays(5);
        current.filledCount = 2;
        assertEquals(List.of("headcount"), fields(NeedRules.problems(
                request("H2913", 1, null, TODAY, TODAY.plusDays(5), false, Set.of()), TODAY, current)));
    }

    @Test
    void aDifficultNeedSaysWhyAndAnEasyOneGivesNoReason() {
        assertEquals(List.of("difficultyReasons"), fields(NeedRules.problems(
                request("H2913", 3, 0, TODAY, TODAY, true, Set.of()), TODAY, null)));
        assertEquals(List.of("difficultyReasons"), fields(NeedRules.problems(
                request("H2913", 3, 0, TODAY, TODAY, false, Set.of(RecruitmentNeed.DifficultyReason.JOB_IMAGE)), TODAY, null)));
    }

    @Test
    void theStatusFollowsThePositionsFilled() {
        assertEquals(RecruitmentNeed.Status.OPEN, NeedRules.statusFor(0, 3));
        assertEquals(RecruitmentNeed.Status.PARTIALLY_FILLED, NeedRules.statusFor(2, 3));
        assertEquals(RecruitmentNeed.Status.FILLED, NeedRules.statusFor(3, 3));
    }

    @Test
    void anOpenNeedIsDueTheDayAfterItsDeadline() {
        RecruitmentNeed n = new RecruitmentNeed();
        n.status = RecruitmentNeed.Status.PARTIALLY_FILLED;
        n.deadline = TODAY;
        assertFalse(NeedRules.isDue(n, TODAY));
        assertTrue(NeedRules.isDue(n, TODAY.plusDays(1)));
        n.status = RecruitmentNeed.Status.CANCELLED;
        assertFalse(NeedRules.isDue(n, TODAY.plusDays(1)));
    }
}
