package fr.territoires.funding.envelope;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Who may move which money (docs/decisions.md, issue 14), as plain rules: an envelope's money is
 * committed, paid, released and taken back only by its owner. A national funder's envelope (State,
 * Bpifrance, Banque des Territoires, EU, ADEME, other) belongs to the programme team; a Region's
 * envelope to that Region's officers, and to no one else (not even the programme team). An
 * application's plan may mix owners: each line is decided by whoever owns its envelope.
 */
public final class MoneyRules {

    private MoneyRules() {
    }

    /** Open, change, freeze or close an envelope: the programme team, or a Region for its own envelopes. */
    public static boolean mayManageEnvelope(CallerScope caller, Envelope.Funder funder, String region) {
        return caller.isProgrammeAdmin()
                || (funder == Envelope.Funder.REGION && region != null && caller.isOfficerOfAny(java.util.List.of(region)));
    }

    /** Whether the caller owns this envelope's money. */
    public static boolean ownsEnvelope(CallerScope caller, Envelope.Funder funder, String envelopeRegion) {
        if (funder == Envelope.Funder.REGION) {
            return caller.has(CallerScope.REGION_OFFICER) && envelopeRegion != null
                    && envelopeRegion.equals(caller.region());
        }
        return caller.isProgrammeAdmin();
    }

    /** The 403 for money that is not the caller's, naming the envelope and its owner. */
    public static ProblemException notYourMoney(CallerScope caller, UUID envelopeId, String envelopeName,
            Envelope.Funder funder, String envelopeRegion, String field) {
        String owner = funder == Envelope.Funder.REGION ? "Region " + envelopeRegion + "'s officers"
                : "the programme team (national funder " + funder + ")";
        return new ProblemException(new Problem(URI.create(Problem.TYPE_BASE + "envelope-not-yours"), "Forbidden", 403,
                "Envelope " + envelopeName + " (" + envelopeId + ") is decided, committed and paid by " + owner
                        + ", not by you" + caller.scopeForMessages(),
                null, field == null ? null : List.of(new Problem.FieldError(field, "envelope " + envelopeId
                        + " is not yours to decide"))));
    }

    /**
     * A payment is dated in one of the envelope's fiscal years and not after today (a payment is
     * recorded once made, never ahead).
     */
    public static void checkPaymentDate(LocalDate paidOn, LocalDate today, String envelopeName, int firstYear,
            int lastYear) {
        if (paidOn.isAfter(today)) {
            throw ProblemException.invalid("paidOn", "must not be after today (" + today + "): a payment is recorded once made");
        }
        if (paidOn.getYear() < firstYear || paidOn.getYear() > lastYear) {
            throw ProblemException.invalid("paidOn", "must fall in one of envelope " + envelopeName + "'s fiscal years "
                    + firstYear + "-" + lastYear + ", not " + paidOn.getYear());
        }
    }
}
