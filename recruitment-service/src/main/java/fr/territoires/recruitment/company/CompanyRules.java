package fr.territoires.recruitment.company;

import fr.territoires.commons.codes.OfficialCodes;
import fr.territoires.commons.problem.Problem;
import fr.territoires.recruitment.reference.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The codes a company gives, checked against the official lists (not just their format). */
public final class CompanyRules {

    private CompanyRules() {
    }

    public static List<Problem.FieldError> problems(CompanyRequest r, ReferenceData reference) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.nafCode() != null) {
            Optional<String> format = OfficialCodes.nafFormatProblem(r.nafCode());
            if (format.isPresent()) {
                errors.add(new Problem.FieldError("nafCode", format.get()));
            } else if (reference.naf(r.nafCode()).isEmpty()) {
                errors.add(new Problem.FieldError("nafCode", "is not in the NAF rév. 2 list ("
                        + reference.source().split(";")[0] + ")"));
            }
        }
        if (r.commune() != null) {
            Optional<String> format = OfficialCodes.communeProblem(r.commune());
            if (format.isPresent()) {
                errors.add(new Problem.FieldError("commune", format.get()));
            } else if (reference.commune(r.commune()).isEmpty()) {
                errors.add(new Problem.FieldError("commune", "is not a current commune"));
            }
        }
        if (r.territory() != null && !r.territory().matches("ti-[0-9A-Za-z-]+")) {
            errors.add(new Problem.FieldError("territory", "must be a territory code, e.g. ti-4420"));
        }
        return errors;
    }

    /**
     * Which labelled territory the establishment is in, among those whose perimeter holds its
     * commune; an error on {@code commune} or {@code territory} when there is none or no choice.
     */
    public static Placement place(String commune, String requested, List<String> candidates) {
        if (candidates.isEmpty()) {
            return Placement.refused("commune", "lies outside every labelled territory known to the platform");
        }
        if (requested != null) {
            return candidates.contains(requested) ? Placement.in(requested)
                    : Placement.refused("territory", "does not hold commune " + commune + " in its perimeter; "
                            + String.join(", ", candidates) + " " + (candidates.size() == 1 ? "does" : "do"));
        }
        if (candidates.size() > 1) {
            return Placement.refused("territory", "must be given: commune " + commune + " lies in "
                    + String.join(" and ", candidates));
        }
        return Placement.in(candidates.get(0));
    }

    /** A territory, or the reason there is none. */
    public record Placement(String territory, Problem.FieldError error) {

        static Placement in(String territory) {
            return new Placement(territory, null);
        }

        static Placement refused(String field, String message) {
            return new Placement(null, new Problem.FieldError(field, message));
        }
    }
}
