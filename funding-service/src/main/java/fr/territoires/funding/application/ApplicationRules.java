package fr.territoires.funding.application;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.funding.application.Application.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of an application, plain: its workflow, and the public-money rules of its financing
 * plan (décret 2018-514): public funding never above the eligible cost, and a local authority
 * funding at least 20% of the cost itself.
 */
public final class ApplicationRules {

    /** Share of the eligible cost a local authority may receive at most (it funds the other 20%). */
    public static final BigDecimal LOCAL_AUTHORITY_MAX_SHARE = new BigDecimal("0.80");

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.DRAFT, Set.of(Status.SUBMITTED, Status.WITHDRAWN),
            Status.SUBMITTED, Set.of(Status.UNDER_REVIEW, Status.WITHDRAWN),
            Status.UNDER_REVIEW, Set.of(Status.APPROVED, Status.REJECTED, Status.WITHDRAWN),
            Status.APPROVED, Set.of(),
            Status.REJECTED, Set.of(),
            Status.WITHDRAWN, Set.of());

    /** One envelope's amount in a plan. */
    public record Line(UUID envelopeId, BigDecimal amount) {
    }

    private ApplicationRules() {
    }

    public static void checkTransition(UUID id, Status from, Status to) {
        if (!NEXT.get(from).contains(to)) {
            throw ProblemException.conflict("status-transition-not-allowed",
                    "Application " + id + " cannot go from " + from + " to " + to);
        }
    }

    /**
     * A plan names each envelope once, and its total respects the public-money rules. {@code field}
     * names the plan in errors ("plan").
     */
    public static void checkPlan(String field, BigDecimal eligibleCost, boolean localAuthority, List<Line> lines) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).envelopeId())) {
                errors.add(new Problem.FieldError(field + "[" + i + "].envelopeId", "names an envelope already in the plan"));
            }
            total = total.add(lines.get(i).amount());
        }
        if (total.compareTo(eligibleCost) > 0) {
            errors.add(new Problem.FieldError(field, "total public funding " + total
                    + " € must not exceed the eligible cost of " + eligibleCost + " €"));
        } else if (localAuthority) {
            BigDecimal max = eligibleCost.multiply(LOCAL_AUTHORITY_MAX_SHARE).setScale(2, RoundingMode.DOWN);
            if (total.compareTo(max) > 0) {
                errors.add(new Problem.FieldError(field, "a local authority funds at least 20% of the cost itself: public "
                        + "funding may reach " + max + " €, not " + total + " €"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("The financing plan breaks a public-money rule", errors));
        }
    }

    /** An approval grants, per envelope of the plan, at most what was asked (possibly less, possibly 0). */
    public static void checkApproval(Map<UUID, BigDecimal> requested, List<Line> approved) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < approved.size(); i++) {
            Line line = approved.get(i);
            BigDecimal asked = requested.get(line.envelopeId());
            if (asked == null) {
                errors.add(new Problem.FieldError("plan[" + i + "].envelopeId", "is not in the application's plan"));
            } else if (line.amount().compareTo(asked) > 0) {
                errors.add(new Problem.FieldError("plan[" + i + "].approved", "must not exceed the " + asked
                        + " € requested from this envelope"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid approval", errors));
        }
    }
}
