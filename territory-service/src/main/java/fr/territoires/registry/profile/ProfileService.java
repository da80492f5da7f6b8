package fr.territoires.registry.profile;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.registry.access.TerritoryAccess;
import fr.territoires.registry.territory.TerritoryService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A territory's industrial profile: public to read, edited by the territory's team. */
@ApplicationScoped
public class ProfileService {

    private final TerritoryAccess access;
    private final TerritoryService territories;

    public ProfileService(TerritoryAccess access, TerritoryService territories) {
        this.access = access;
        this.territories = territories;
    }

    @WithSession
    public Uni<ProfileView> view(String code) {
        return access.requireExists(code).chain(() -> current(code));
    }

    @WithTransaction
    public Uni<ProfileView> replace(String code, ProfileRequests.ProfileUpdate update, Long expectedVersion,
            CallerScope caller) {
        List<ProfileRequests.KeyCompanyEntry> companies = update.keyCompanies() == null ? List.of() : update.keyCompanies();
        checkNoRepeatedSiren(companies);
        // Under the territory's lock, like the governance: two first replaces at once never insert twice.
        return access.requireEditor(caller, code).call(() -> access.lock(code)).chain(territory -> Panache.getSession().chain(s -> s
                .find(IndustrialProfile.class, code).chain(existing -> {
                    IndustrialProfile p = existing == null ? new IndustrialProfile() : existing;
                    if (existing != null) {
                        IfMatch.require(expectedVersion, existing.version, "Industrial profile of " + code);
                    }
                    p.territoryCode = code;
                    p.industrialJobsShare = update.industrialJobsShare();
                    p.industrialEstablishments = update.industrialEstablishments();
                    p.referenceYear = update.referenceYear();
                    p.source = update.source();
                    p.editedBy(caller.name());
                    return (existing == null ? s.persist(p) : Uni.createFrom().voidItem())
                            .chain(s::flush)
                            .chain(() -> s.createMutationQuery("delete from KeyCompany where territoryCode = :code")
                                    .setParameter("code", code).executeUpdate())
                            .chain(() -> s.persistAll(companies.stream().map(c -> {
                                KeyCompany k = new KeyCompany();
                                k.territoryCode = code;
                                k.siren = c.siren();
                                k.name = c.name().trim();
                                return k;
                            }).toArray()))
                            .chain(s::flush)
                            .chain(() -> current(code))
                            .call(view -> territories.announceUpdate(territory, List.of("industrial-profile"),
                                    e -> e.withIndustrialProfile(view.event())));
                })));
    }

    private static void checkNoRepeatedSiren(List<ProfileRequests.KeyCompanyEntry> companies) {
        Set<String> seen = new HashSet<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            if (!seen.add(companies.get(i).siren())) {
                errors.add(new Problem.FieldError("keyCompanies[" + i + "].siren", "is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.validation("Invalid industrial profile", errors));
        }
    }

    private static Uni<ProfileView> current(String code) {
        return Panache.getSession().chain(s -> s.find(IndustrialProfile.class, code)
                .chain(p -> s.createQuery("from KeyCompany where territoryCode = :code order by name, siren", KeyCompany.class)
                        .setParameter("code", code).getResultList()
                        .map(companies -> ProfileView.of(code, p, companies))));
    }
}
