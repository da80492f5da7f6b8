package fr.territoires.funding.envelope;

import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an envelope allows. Plain rules: a commitment only on an open envelope, for a territory in
 * its scope, in one of its fiscal years, and never beyond its ceiling; a ceiling never below what is
 * committed; a closed envelope stays closed.
 */
public final class EnvelopeRules {

    private static final Map<Envelope.Status, Set<Envelope.Status>> NEXT = Map.of(
            Envelope.Status.OPEN, Set.of(Envelope.Status.FROZEN, Envelope.Status.CLOSED),
            Envelope.Status.FROZEN, Set.of(Envelope.Status.OPEN, Envelope.Status.CLOSED),
            Envelope.Status.CLOSED, Set.of());

    private EnvelopeRules() {
    }

    public static void checkCommit(EnvelopeState e, String territory, List<String> territoryRegions, int year,
            BigDecimal amount) {
        if (e.status() != Envelope.Status.OPEN) {
            throw conflict("envelope-not-open", "Envelope " + e.name() + " is " + e.status() + ": nothing can be committed on it");
        }
        if (year < e.firstYear() || year > e.lastYear()) {
            throw conflict("envelope-not-for-year", "Envelope " + e.name() + " covers " + e.firstYear() + "-" + e.lastYear()
                    + ", not " + year);
        }
        if (!e.covers(territory, territoryRegions)) {
            throw conflict("envelope-out-of-scope", "Envelope " + e.name() + " does not fund territory " + territory
                    + " (scope " + e.scope() + ")");
        }
        if (amount.compareTo(e.available()) > 0) {
            throw conflict("envelope-exhausted", "Envelope " + e.name() + " has " + e.available() + " € left to commit; "
                    + amount + " € would exceed its ceiling of " + e.ceiling() + " €");
        }
    }

    /** A new envelope's definition is consistent: funder and region, scope and its target, years. */
    public static void checkDefinition(EnvelopeRequests.NewEnvelope r) {
        List<Problem.FieldError> errors = new java.util.ArrayList<>();
        if ((r.funder() == Envelope.Funder.REGION) != (r.region() != null)) {
            errors.add(new Problem.FieldError("region", r.funder() == Envelope.Funder.REGION
                    ? "is required for a Region's envelope" : "is only for a Region's envelope (funder REGION)"));
        }
        if ((r.scope() == Envelope.Scope.REGION) != (r.scopeRegion() != null)) {
            errors.add(new Problem.FieldError("scopeRegion", r.scope() == Envelope.Scope.REGION
                    ? "is required when the scope is REGION" : "is only for the scope REGION"));
        }
        boolean listed = r.scopeTerritories() != null && !r.scopeTerritories().isEmpty();
        if ((r.scope() == Envelope.Scope.TERRITORIES) != listed) {
            errors.add(new Problem.FieldError("scopeTerritories", r.scope() == Envelope.Scope.TERRITORIES
                    ? "must list the territories when the scope is TERRITORIES" : "is only for the scope TERRITORIES"));
        }
        if (r.firstYear() != null && r.lastYear() != null && r.lastYear() < r.firstYear()) {
            errors.add(new Problem.FieldError("lastYear", "must not be before firstYear (" + r.firstYear() + ")"));
        }
        if (r.yearlyPaymentCeilings() != null && r.firstYear() != null && r.lastYear() != null) {
            r.yearlyPaymentCeilings().keySet().stream().sorted()
                    .filter(y -> y < r.firstYear() || y > r.lastYear())
                    .forEach(y -> errors.add(new Problem.FieldError("yearlyPaymentCeilings." + y,
                            "is not one of the envelope's fiscal years")));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Inconsistent envelope", errors));
        }
    }

    public static void checkCeiling(BigDecimal newCeiling, BigDecimal committed) {
        if (newCeiling.compareTo(committed) < 0) {
            throw new ProblemException(new Problem(java.net.URI.create(Problem.TYPE_BASE + "ceiling-below-committed"),
                    "Conflict", 409, "The ceiling cannot go below what is committed (" + committed + " €)", null,
                    List.of(new Problem.FieldError("ceiling", "must be at least " + committed + " (already committed)"))));
        }
    }

    public static void checkTransition(Envelope.Status from, Envelope.Status to) {
        if (!NEXT.get(from).contains(to)) {
            throw conflict("status-transition-not-allowed", "An envelope cannot go from " + from + " to " + to);
        }
    }

    /**
     * The yearly payment ceiling (CP) for a year without a CP line: an envelope that declares yearly
     * ceilings pays nothing in a year it declares none for (CP 0, not unlimited); an envelope that
     * declares none at all pays within its commitments (AE) only. A reversal (negative amount)
     * always fits.
     */
    public static boolean yearWithoutCeilingAllows(boolean envelopeHasYearlyCeilings, BigDecimal amount) {
        return !envelopeHasYearlyCeilings || amount.signum() <= 0;
    }

    private static ProblemException conflict(String type, String detail) {
        return ProblemException.conflict(type, detail);
    }
}
