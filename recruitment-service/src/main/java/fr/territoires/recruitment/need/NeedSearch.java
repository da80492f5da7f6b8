package fr.territoires.recruitment.need;

import fr.territoires.commons.problem.ProblemException;
import fr.territoires.recruitment.reference.Rome;
import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;

/** The filters of the need list; each one given narrows it. */
public record NeedSearch(String territory, String departement, String region, String epci, String commune,
        String romeCode, String family, RecruitmentNeed.Status status, RecruitmentNeed.ContractType contractType,
        String siret, Boolean difficult, Boolean workStudy) {

    /** Refuses filters that cannot match anything for being malformed (a 400 naming the parameter). */
    public NeedSearch {
        if (romeCode != null) {
            Rome.problem(romeCode).ifPresent(p -> {
                throw ProblemException.invalid("romeCode", p);
            });
        }
        if (family != null && Rome.Family.of(family).isEmpty()) {
            throw ProblemException.invalid("family", "must be a ROME family letter, A to N");
        }
    }

    /** A JPQL condition on RecruitmentNeed, its parameters added to {@code params}. */
    String condition(Parameters params) {
        List<String> parts = new ArrayList<>();
        add(parts, params, "territoryCode", territory);
        add(parts, params, "departement", departement);
        add(parts, params, "region", region);
        add(parts, params, "epci", epci);
        add(parts, params, "commune", commune);
        add(parts, params, "romeCode", romeCode);
        add(parts, params, "status", status);
        add(parts, params, "contractType", contractType);
        add(parts, params, "siret", siret);
        add(parts, params, "difficult", difficult);
        add(parts, params, "workStudy", workStudy);
        if (family != null) {
            parts.add("romeCode like :family");
            params.and("family", family + "%");
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" and ", parts);
    }

    private static void add(List<String> parts, Parameters params, String field, Object value) {
        if (value != null) {
            parts.add(field + " = :" + field);
            params.and(field, value);
        }
    }
}
