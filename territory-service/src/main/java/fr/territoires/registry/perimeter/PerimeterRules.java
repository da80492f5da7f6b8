package fr.territoires.registry.perimeter;

import fr.territoires.commons.codes.OfficialCodes;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.reference.ReferenceData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a new perimeter must be, checked before anything is stored. Plain rules, no I/O but the reference data. */
public final class PerimeterRules {

    private PerimeterRules() {
    }

    /**
     * The members must be real (well-formed, Luhn-valid, known in the reference data as an EPCI, an
     * EPT of the Métropole du Grand Paris or a single commune) and listed once;
     * a perimeter has at least one EPCI. Every problem is reported at once, by position.
     */
    public static void checkEpcis(List<String> epcis, ReferenceData reference) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (epcis == null || epcis.isEmpty()) {
            errors.add(new Problem.FieldError("epcis", "must list at least one EPCI (SIREN)"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < epcis.size(); i++) {
                String siren = epcis.get(i);
                String field = "epcis[" + i + "]";
                var problem = OfficialCodes.sirenProblem(siren);
                if (problem.isPresent()) {
                    errors.add(new Problem.FieldError(field, problem.get()));
                } else if (reference.member(siren).isEmpty()) {
                    errors.add(new Problem.FieldError(field, "is not an EPCI, an EPT or a commune in " + reference.source()));
                } else if (!seen.add(siren)) {
                    errors.add(new Problem.FieldError(field, "is listed twice"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid perimeter", errors));
        }
    }

    /** A perimeter is dated; a change may not take effect before the last one (history stays linear). */
    /** The programme started in November 2018; no perimeter is dated before 2018. */
    public static final LocalDate EARLIEST_CHANGE = LocalDate.of(2018, 1, 1);

    /**
     * A change is dated from 2018 to a year ahead of today at most (a regional committee plans a
     * change, it does not freeze a history for centuries: a later change, or the national import,
     * may never be dated before it), and never before the last change.
     */
    public static void checkDate(LocalDate effectiveOn, LocalDate lastChange, LocalDate today) {
        if (effectiveOn == null) {
            throw ProblemException.invalid("effectiveOn", "is required (YYYY-MM-DD)");
        }
        if (effectiveOn.isBefore(EARLIEST_CHANGE) || effectiveOn.isAfter(today.plusYears(1))) {
            throw ProblemException.invalid("effectiveOn", "must be between " + EARLIEST_CHANGE + " and a year from today ("
                    + today.plusYears(1) + ")");
        }
        if (lastChange != null && effectiveOn.isBefore(lastChange)) {
            throw ProblemException.invalid("effectiveOn", "must not be before the last change (" + lastChange + ")");
        }
    }

    /** An EPCI belongs to one territory at a time within a phase of the programme. */
    public static void checkNoOverlap(List<Conflict> conflicts) {
        if (!conflicts.isEmpty()) {
            Conflict c = conflicts.get(0);
            throw ProblemException.conflict("epci-in-another-territory", "EPCI " + c.epci() + " already belongs to "
                    + c.territory() + " in phase " + c.phase() + (conflicts.size() > 1
                            ? " (and " + (conflicts.size() - 1) + " more conflict(s))" : ""));
        }
    }

    public record Conflict(String epci, String territory, String phase) {
    }
}
