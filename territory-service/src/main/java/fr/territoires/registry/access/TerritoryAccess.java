package fr.territoires.registry.access;

import fr.territoires.commons.time.BusinessDates;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.registry.perimeter.PerimeterPermissions;
import fr.territoires.registry.perimeter.PerimeterService;
import fr.territoires.registry.reference.ReferenceData;
import fr.territoires.registry.entry.Territory;
import fr.territoires.registry.entry.TerritoryRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/**
 * Applies {@link AccessRules} to a territory inside the caller's session: loads it (404 when it
 * does not exist), works out its regions from today's perimeter, and refuses with 403 problem+json.
 */
@ApplicationScoped
public class TerritoryAccess implements PerimeterPermissions {

    @jakarta.inject.Inject
    BusinessDates dates;

    private final TerritoryRepository territories;
    private final ReferenceData reference;

    public TerritoryAccess(TerritoryRepository territories, ReferenceData reference) {
        this.territories = territories;
        this.reference = reference;
    }

    /** The territory, if the caller may decide on its status, perimeter and identity. */
    @Override
    public Uni<Territory> requireManager(CallerScope caller, String code) {
        return load(code).chain(t -> regionsOf(code).map(regions -> {
            if (!AccessRules.mayManage(caller, regions)) {
                throw forbidden(caller, code, "manage");
            }
            return t;
        }));
    }

    /** The territory, if the caller may edit its governance, profile, action sheets and sites. */
    public Uni<Territory> requireEditor(CallerScope caller, String code) {
        return load(code).chain(t -> regionsOf(code).map(regions -> {
            if (!AccessRules.mayEditContent(caller, code, regions)) {
                throw forbidden(caller, code, "edit");
            }
            return t;
        }));
    }

    /** The territory, or 404: for reads below a territory. */
    public Uni<Territory> requireExists(String code) {
        return load(code);
    }

    /**
     * Refuses EPCIs a region-officer may not bring into a perimeter, nor take out of it: those
     * without a commune in its region (a territory straddling two Regions keeps the other Region's
     * EPCIs unless that Region or the programme team removes them).
     */
    @Override
    public void checkEpcisMayChange(CallerScope caller, List<String> joining, List<String> leaving) {
        check(caller, joining, "add");
        check(caller, leaving, "remove");
    }

    private void check(CallerScope caller, List<String> epcis, String verb) {
        for (String siren : epcis) {
            List<String> regions = reference.member(siren).map(e -> List.copyOf(e.regions())).orElse(List.of());
            if (!AccessRules.mayAddEpci(caller, regions)) {
                throw new ProblemException(new Problem(java.net.URI.create(Problem.TYPE_BASE + "forbidden"), "Forbidden",
                        403, "EPCI " + siren + " has no commune in region " + caller.region()
                                + ": only its Region or the programme team may " + verb + " it", null,
                        List.of(new Problem.FieldError("epcis", "EPCI " + siren + " is not yours to " + verb))));
            }
        }
    }

    /**
     * Holds the territory's row until the transaction ends, so that changes to one territory's
     * records (contract documents, meetings) are checked and written one at a time.
     */
    public Uni<Void> lock(String code) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT code FROM territory WHERE code = :code FOR UPDATE", String.class)
                .setParameter("code", code).getResultList()).replaceWithVoid();
    }

    private Uni<Territory> load(String code) {
        return territories.findById(code).map(t -> {
            if (t == null) {
                throw ProblemException.notFound("Territory " + code);
            }
            return t;
        });
    }

    private Uni<List<String>> regionsOf(String code) {
        return Panache.getSession().chain(session -> PerimeterService.epcisAt(session, code, dates.today()))
                .map(epcis -> reference.coverage(epcis).regions().stream().map(ReferenceData.Named::code).toList());
    }

    private static ProblemException forbidden(CallerScope caller, String code, String action) {
        String scope = caller.scopeForMessages();
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                "Your role or scope" + scope + " does not allow you to " + action + " territory " + code));
    }
}
