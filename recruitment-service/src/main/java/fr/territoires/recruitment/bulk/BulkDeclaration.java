package fr.territoires.recruitment.bulk;

import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.time.BusinessDates;
import fr.territoires.recruitment.company.CompanyRepository;
import fr.territoires.recruitment.company.Company;
import fr.territoires.recruitment.company.CompanyService;
import fr.territoires.recruitment.need.NeedEvents;
import fr.territoires.recruitment.need.NeedService;
import fr.territoires.replica.Territories;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Declares the needs of a CSV file in one transaction, through the same rules as the API, one row
 * after the other: a company not registered yet is registered from the row's company columns. If
 * any row is refused, nothing is kept (neither needs, companies nor events) and the 422 names every
 * refused line and field.
 */
@ApplicationScoped
public class BulkDeclaration {

    public enum Outcome { DECLARED }

    public record LineReport(int line, String siret, String romeCode, int headcount, UUID needId,
            boolean companyRegistered, Outcome outcome) {
    }

    public record Report(int rows, int declared, int companiesRegistered, int positions, List<LineReport> lines) {
    }

    private final NeedService needs;
    private final CompanyService companyService;
    private final CompanyRepository companies;
    private final BusinessDates today;
    private final NeedEvents events;
    private final Territories territories;

    public BulkDeclaration(NeedService needs, CompanyService companyService, CompanyRepository companies, BusinessDates today,
            NeedEvents events, Territories territories) {
        this.needs = needs;
        this.companyService = companyService;
        this.companies = companies;
        this.today = today;
        this.events = events;
        this.territories = territories;
    }

    private record Outcomes(List<LineReport> lines, List<Problem.FieldError> errors, Set<String> registered,
            Map<String, fr.territoires.recruitment.company.CompanyRequest> registeredFrom) {
    }

    @WithTransaction
    public Uni<Report> declare(List<NeedCsv.Row> rows, CallerScope caller) {
        LocalDate on = today.today();
        Outcomes outcomes = new Outcomes(new ArrayList<>(), new ArrayList<>(), new HashSet<>(), new HashMap<>());
        // The file's territories' event locks first, in code order (Outbox.lockKeys), not in the file's
        // order: two files naming the same territories in opposite orders wait for each other instead
        // of deadlocking.
        return territoriesOf(rows, on).chain(events::lockTerritories)
                .chain(() -> Panache.getSession().invoke(s -> s.clear()))
                .chain(() -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> line(row, caller, on, outcomes))
                .collect().last())
                .map(ignored -> {
                    if (!outcomes.errors().isEmpty()) {
                        long refused = outcomes.errors().stream().map(e -> e.field().split(":")[0]).distinct().count();
                        throw new ProblemException(new Problem(URI.create(Problem.TYPE_BASE + "bulk-declaration-rejected"),
                                "Needs rejected", 422, refused + " of " + rows.size()
                                        + " rows cannot be declared; nothing was stored", null, List.copyOf(outcomes.errors())));
                    }
                    int positions = outcomes.lines().stream().mapToInt(LineReport::headcount).sum();
                    return new Report(rows.size(), outcomes.lines().size(), outcomes.registered().size(), positions,
                            List.copyOf(outcomes.lines()));
                });
    }

    /**
     * Every territory the file's needs may be declared in, on that day: those holding the commune of a
     * row's company (registered, or registered by the row), and the companies' own. A superset of
     * what the rows will lock one by one, so none of them is taken out of code order.
     */
    private Uni<Set<String>> territoriesOf(List<NeedCsv.Row> rows, LocalDate on) {
        Set<String> sirets = new TreeSet<>();
        Set<String> communes = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        for (NeedCsv.Row row : rows) {
            RowReader.Read read = RowReader.read(row);
            if (!read.errors().isEmpty()) {
                continue;
            }
            if (read.need().siret() != null) {
                sirets.add(read.need().siret());
            }
            if (read.company() != null) {
                communes.add(read.company().commune());
                if (read.company().territory() != null) {
                    codes.add(read.company().territory());
                }
            }
        }
        Uni<List<Company>> registered = sirets.isEmpty() ? Uni.createFrom().item(List.of())
                : companies.list("siret in ?1", List.copyOf(sirets));
        return registered.chain(list -> {
            list.forEach(c -> {
                communes.add(c.commune);
                if (c.territoryCode != null) {
                    codes.add(c.territoryCode);
                }
            });
            return territories.labelledContainingAny(communes, on);
        }).map(found -> {
            codes.addAll(found);
            return codes;
        });
    }

    /** One row: read, register its company if needed, declare; a refusal is recorded, not thrown. */
    private Uni<Void> line(NeedCsv.Row row, CallerScope caller, LocalDate on, Outcomes outcomes) {
        RowReader.Read read = RowReader.read(row);
        if (!read.errors().isEmpty()) {
            read.errors().forEach(e -> outcomes.errors().add(error(row, e.field(), e.message())));
            return Uni.createFrom().voidItem();
        }
        String siret = read.need().siret();
        Uni<Boolean> company = siret == null ? Uni.createFrom().item(false)
                : companies.findById(siret).chain(existing -> {
                    if (existing != null) {
                        if (read.company() != null && outcomes.registered().contains(siret)
                                && !Objects.equals(read.company(), outcomes.registeredFrom().get(siret))) {
                            throw ProblemException.invalid("company_name", "the company columns differ from line "
                                    + "that registered " + siret + " in this file");
                        }
                        return Uni.createFrom().item(false);
                    }
                    if (read.company() == null) {
                        throw ProblemException.invalid("siret", "is not a registered company: fill company_name, "
                                + "naf_code, commune and size_band to register it");
                    }
                    return companyService.registerInCurrentTransaction(read.company(), caller).invoke(c -> {
                        outcomes.registered().add(siret);
                        outcomes.registeredFrom().put(siret, read.company());
                    }).replaceWith(true);
                });
        return company.chain(registered -> needs.declareInCurrentTransaction(read.need(), caller, on)
                .invoke(d -> outcomes.lines().add(new LineReport(row.line(), siret, d.need().romeCode, d.need().headcount,
                        d.need().id, registered, Outcome.DECLARED))))
                // Written rows leave the session: each flush would otherwise check every need of the file again.
                .call(() -> Panache.getSession().chain(s -> s.flush().invoke(s::clear)))
                .onFailure(ProblemException.class).recoverWithItem(e -> {
                    Problem p = ((ProblemException) e).problem();
                    if (p.errors() == null || p.errors().isEmpty()) {
                        outcomes.errors().add(error(row, "siret", p.detail()));
                    } else {
                        p.errors().forEach(f -> outcomes.errors().add(error(row, RowReader.column(f.field()), f.message())));
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    private static Problem.FieldError error(NeedCsv.Row row, String column, String message) {
        return new Problem.FieldError("line " + row.line() + ": " + column, message);
    }
}
