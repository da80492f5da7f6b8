package fr.territoires.registry.perimeter;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.events.EventType;
import fr.territoires.events.territory.Perimeter;
import fr.territoires.events.territory.TerritoryPerimeterChangedV1;
import fr.territoires.registry.reference.ReferenceData;
import fr.territoires.registry.entry.Territory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A territory's dated perimeter: changes (with the rules of {@link PerimeterRules}), the perimeter
 * as of any date, and which territory a commune belongs to.
 */
@ApplicationScoped
public class PerimeterService {

    /** Advisory lock serialising perimeter changes, so two territories never take the same EPCI at once. */
    private static final long PERIMETER_LOCK = 0x7E1A_0002L;

    public record Change(List<String> epcis, LocalDate effectiveOn, String reason) {
    }

    public record Result(List<String> epcis, boolean changed) {
    }

    public record Membership(String territory, String name, String status) {
    }

    private final ReferenceData reference;
    private final Outbox outbox;
    private final PerimeterPermissions access;
    private final fr.territoires.commons.time.BusinessDates dates;

    public PerimeterService(ReferenceData reference, Outbox outbox, PerimeterPermissions access,
            fr.territoires.commons.time.BusinessDates dates) {
        this.dates = dates;
        this.reference = reference;
        this.outbox = outbox;
        this.access = access;
    }

    /** A change by a programme-admin or the region-officer of the territory's region (EPCIs of its region only). */
    @WithTransaction
    public Uni<Result> change(String code, Change change, CallerScope caller) {
        return access.requireManager(caller, code).chain(() -> changeInCurrentTransaction(code, change, caller.name(),
                (joining, leaving) -> access.checkEpcisMayChange(caller, joining, leaving)));
    }

    /**
     * For callers that already hold the transaction (an import applies many changes in one);
     * {@code checkChanged} may refuse the EPCIs that would join or leave.
     */
    public Uni<Result> changeInCurrentTransaction(String code, Change change, String actor,
            BiConsumer<List<String>, List<String>> checkChanged) {
        PerimeterRules.checkEpcis(change.epcis(), reference);
        List<String> wanted = List.copyOf(new TreeSet<>(change.epcis()));
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + PERIMETER_LOCK + ")").getSingleResult()
                .chain(() -> session.find(Territory.class, code))
                .chain(territory -> {
                    if (territory == null) {
                        throw ProblemException.notFound("Territory " + code);
                    }
                    return lastChange(session, code).chain(last -> {
                        PerimeterRules.checkDate(change.effectiveOn(), last.orElse(null), dates.today());
                        return epcisAt(session, code, change.effectiveOn());
                    }).chain(previous -> {
                        if (previous.equals(wanted)) {
                            return Uni.createFrom().item(new Result(previous, false));
                        }
                        checkChanged.accept(wanted.stream().filter(e -> !previous.contains(e)).toList(),
                                previous.stream().filter(e -> !wanted.contains(e)).toList());
                        return apply(session, territory, change, wanted, previous, actor);
                    });
                }));
    }

    private Uni<Result> apply(Mutiny.Session session, Territory territory, Change change, List<String> wanted,
            List<String> previous, String actor) {
        String code = territory.code;
        LocalDate d = change.effectiveOn();
        List<String> leaving = previous.stream().filter(e -> !wanted.contains(e)).toList();
        List<String> joining = wanted.stream().filter(e -> !previous.contains(e)).toList();
        return conflicts(session, territory, joining, d)
                .invoke(PerimeterRules::checkNoOverlap)
                .chain(() -> leaving.isEmpty() ? Uni.createFrom().item(0) : session.createNativeQuery("""
                        UPDATE territory_epci SET valid_to = :d
                        WHERE territory_code = :code AND epci_siren IN (:leaving) AND valid_to IS NULL AND valid_from < :d""")
                        .setParameter("d", d).setParameter("code", code).setParameter("leaving", leaving).executeUpdate())
                .chain(() -> leaving.isEmpty() ? Uni.createFrom().item(0) : session.createNativeQuery("""
                        DELETE FROM territory_epci
                        WHERE territory_code = :code AND epci_siren IN (:leaving) AND valid_from >= :d""")
                        .setParameter("d", d).setParameter("code", code).setParameter("leaving", leaving).executeUpdate())
                .chain(() -> insertAll(session, code, joining, d))
                .chain(() -> session.createNativeQuery("""
                        INSERT INTO perimeter_change (territory_code, effective_on, epcis, previous_epcis, reason, changed_by)
                        VALUES (:code, :d, string_to_array(:epcis, ','), string_to_array(:previous, ','), :reason, :actor)""")
                        .setParameter("code", code).setParameter("d", d)
                        .setParameter("epcis", String.join(",", wanted)).setParameter("previous", String.join(",", previous))
                        .setParameter("reason", change.reason()).setParameter("actor", actor).executeUpdate())
                .chain(() -> outbox.append(EventType.TERRITORY_PERIMETER_CHANGED, code, new TerritoryPerimeterChangedV1(
                        code, territory.name, d.toString(), perimeterOf(wanted), previous, change.reason(),
                        phaseOf(territory, d))))
                .replaceWith(new Result(wanted, true));
    }

    /** The phase a dated change speaks of: the territory's phase holding the date, else its latest. */
    public static String phaseOf(Territory territory, LocalDate d) {
        String byDate = fr.territoires.registry.reference.Phases.ofDate(d);
        return byDate != null && Arrays.asList(territory.phases).contains(byDate) ? byDate
                : territory.phases[territory.phases.length - 1];
    }

    private static Uni<Void> insertAll(Mutiny.Session session, String code, List<String> epcis, LocalDate d) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String epci : epcis) {
            chain = chain.chain(() -> session.createNativeQuery(
                    "INSERT INTO territory_epci (territory_code, epci_siren, valid_from) VALUES (:code, :epci, :d)")
                    .setParameter("code", code).setParameter("epci", epci).setParameter("d", d).executeUpdate()
                    .replaceWithVoid());
        }
        return chain;
    }

    /** Other territories of a common phase holding one of these EPCIs on or after the date. */
    private static Uni<List<PerimeterRules.Conflict>> conflicts(Mutiny.Session session, Territory territory,
            List<String> epcis, LocalDate d) {
        if (epcis.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createNativeQuery("""
                SELECT te.epci_siren, te.territory_code, p.phase
                FROM territory_epci te JOIN territory t ON t.code = te.territory_code, unnest(t.phases) AS p(phase)
                WHERE te.epci_siren IN (:epcis) AND te.territory_code <> :code AND p.phase IN (:phases)
                  AND (te.valid_to IS NULL OR te.valid_to > :d)
                ORDER BY te.epci_siren""", Object[].class)
                .setParameter("epcis", epcis).setParameter("code", territory.code)
                .setParameter("phases", Arrays.asList(territory.phases)).setParameter("d", d)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new PerimeterRules.Conflict((String) r[0], (String) r[1], (String) r[2]))
                        .toList());
    }

    /** For reads that open their own session (resources). */
    @WithSession
    public Uni<List<String>> epcisAt(String code, LocalDate date) {
        return currentEpcisAt(code, date);
    }

    /** In the caller's session and transaction: no interceptor may open another one. */
    public Uni<List<String>> currentEpcisAt(String code, LocalDate date) {
        return Panache.getSession().chain(session -> epcisAt(session, code, date));
    }

    /** The EPCIs of a territory on a date, in the given session. */
    public static Uni<List<String>> epcisAt(Mutiny.Session session, String code, LocalDate date) {
        return session.createNativeQuery("""
                SELECT epci_siren FROM territory_epci
                WHERE territory_code = :code AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d)
                ORDER BY epci_siren""", String.class)
                .setParameter("code", code).setParameter("d", date).getResultList();
    }

    private static Uni<Optional<LocalDate>> lastChange(Mutiny.Session session, String code) {
        return session.createNativeQuery("SELECT max(effective_on) FROM perimeter_change WHERE territory_code = :code",
                LocalDate.class).setParameter("code", code).getSingleResultOrNull().map(Optional::ofNullable);
    }

    /**
     * The territory of the live registry holding one of these members (a commune's own SIREN, its
     * EPT, its EPCI: the first that matches wins) in a phase on a date.
     */
    @WithSession
    public Uni<Optional<Membership>> territoryOf(List<String> members, String phase, LocalDate date) {
        if (members.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT t.code, t.name, t.status, te.epci_siren FROM territory_epci te JOIN territory t ON t.code = te.territory_code
                WHERE te.epci_siren IN (:members) AND :phase = ANY (t.phases)
                  AND te.valid_from <= :d AND (te.valid_to IS NULL OR te.valid_to > :d)""", Object[].class)
                .setParameter("members", members).setParameter("phase", phase).setParameter("d", date)
                .getResultList()
                .map(rows -> members.stream().flatMap(m -> rows.stream().filter(r -> m.equals(r[3]))).findFirst()
                        .map(r -> new Membership((String) r[0], (String) r[1], (String) r[2]))));
    }

    /** The perimeter as events carry it: EPCIs and their communes, from the reference data. */
    public Perimeter perimeterOf(List<String> epcis) {
        return new Perimeter(List.copyOf(epcis), reference.communesOf(epcis));
    }
}
