package fr.territoires.funding.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.territoires.commons.problem.ProblemException;
import fr.territoires.funding.application.Application.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApplicationRulesTest {

    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private static ApplicationRules.Line line(UUID envelope, String amount) {
        return new ApplicationRules.Line(envelope, new BigDecimal(amount));
    }

    @Test
    void publicFundingNeverExceedsTheEligibleCost() {
        assertDoesNotThrow(() -> ApplicationRules.checkPlan("plan", new BigDecimal("100000"), false,
                List.of(line(A, "60000"), line(B, "40000"))));
        ProblemException e = assertThrows(ProblemException.class, () -> ApplicationRules.checkPlan("plan",
                new BigDecimal("100000"), false, List.of(line(A, "60000"), line(B, "40000.01"))));
        assertEquals("plan", e.problem().errors().get(0).field());
    }

    @Test
    void aLocalAuthorityFundsAtLeastTwentyPercentItself() {
        assertDoesNotThrow(() -> ApplicationRules.checkPlan("plan", new BigDecimal("100000"), true,
                List.of(line(A, "80000"))));
        ProblemException e = assertThrows(ProblemException.class, () -> ApplicationRules.checkPlan("plan",
                new BigDecimal("100000"), true, List.of(line(A, "50000"), line(B, "30000.01"))));
        assertEquals("plan", e.problem().errors().get(0).field());
        // 80% of 33,333.33 is 26,666.664: the cap rounds down, never up.
        assertThrows(ProblemException.class, () -> ApplicationRules.checkPlan("plan", new BigDecimal("33333.33"), true,
                List.of(line(A, "26666.67"))));
        assertDoesNotThrow(() -> ApplicationRules.checkPlan("plan", new BigDecimal("33333.33"), true,
                List.of(line(A, "26666.66"))));
    }

    @Test
    void anEnvelopeAppearsOnceInAPlan() {
        ProblemException e = assertThrows(ProblemException.class, () -> ApplicationRules.checkPlan("plan",
                new BigDecimal("100000"), false, List.of(line(A, "1"), line(A, "2"))));
        assertEquals("plan[1].envelopeId", e.problem().errors().get(0).field());
    }

    @Test
    void anApprovalGrantsAtMostWhatWasAskedOfEachEnvelope() {
        Map<UUID, BigDecimal> requested = Map.of(A, new BigDecimal("50000"));
        assertDoesNotThrow(() -> ApplicationRules.checkApproval(requested, List.of(line(A, "30000"))));
        assertEquals("plan[0].approved", assertThrows(ProblemException.class,
                () -> ApplicationRules.checkApproval(requested, List.of(line(A, "50000.01")))).problem().errors().get(0).field());
        assertEquals("plan[0].envelopeId", assertThrows(ProblemException.class,
                () -> ApplicationRules.checkApproval(requested, List.of(line(B, "1")))).problem().errors().get(0).field());
    }

    @Test
    void theWorkflowGoesForwardOnly() {
        ApplicationRules.checkTransition(A, Status.DRAFT, Status.SUBMITTED);
        ApplicationRules.checkTransition(A, Status.SUBMITTED, Status.UNDER_REVIEW);
        ApplicationRules.checkTransition(A, Status.UNDER_REVIEW, Status.APPROVED);
        ApplicationRules.checkTransition(A, Status.UNDER_REVIEW, Status.WITHDRAWN);
        for (Status[] refused : new Status[][] {{Status.DRAFT, Status.APPROVED}, {Status.SUBMITTED, Status.APPROVED},
                {Status.APPROVED, Status.REJECTED}, {Status.REJECTED, Status.APPROVED}, {Status.APPROVED, Status.WITHDRAWN}}) {
            assertEquals(409, assertThrows(ProblemException.class,
                    () -> ApplicationRules.checkTransition(A, refused[0], refused[1])).problem().status());
        }
    }
}
