package fr.territoires.recruitment.need;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.events.EventType;
import fr.territoires.events.recruitment.NeedV1;
import fr.territoires.recruitment.company.Company;
import fr.territoires.recruitment.reference.Rome;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Records a change of a need, in the caller's transaction: its state in the need's history (what
 * the indicators read) and the event partners receive on recruitment.events, keyed by territory.
 */
@ApplicationScoped
public class NeedEvents {

    public enum Kind { PUBLISHED, UPDATED, FILLED, CANCELLED, EXPIRED }

    private final Outbox outbox;

    public NeedEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Takes the event locks of several territories at once, in code order, before a writer of many
     * needs writes any of their events (Outbox.lockKeys): two such writers never deadlock.
     */
    public Uni<Void> lockTerritories(java.util.Collection<String> codes) {
        return outbox.lockKeys(EventType.NEED_EXPIRED.topic(), codes);
    }

    /**
     * @param on       the day the change counts from (the declaration day, the day after the deadline for an expiry)
     * @param changed  for an update, the fields that changed
     * @param previous for filled, cancelled and expired, the status before
     */
    public Uni<Void> record(Kind kind, RecruitmentNeed n, Company company, LocalDate on, List<String> changed,
            RecruitmentNeed.Status previous, String actor) {
        NeedV1 need = payload(n, company);
        String code = n.territoryCode;
        Uni<?> event = switch (kind) {
            case PUBLISHED -> outbox.append(EventType.NEED_PUBLISHED, code, new NeedV1.Published(code, need));
            case UPDATED -> outbox.append(EventType.NEED_UPDATED, code, new NeedV1.Updated(code, need, changed));
            case FILLED -> outbox.append(EventType.NEED_FILLED, code, new NeedV1.Filled(code, need, previous.name()));
            case CANCELLED -> outbox.append(EventType.NEED_CANCELLED, code, new NeedV1.Cancelled(code, need, previous.name()));
            case EXPIRED -> outbox.append(EventType.NEED_EXPIRED, code, new NeedV1.Expired(code, need, previous.name()));
        };
        return event.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO need_change (need_id, changed_on, kind, status, rome_code, headcount, filled_count, difficult,
                                         work_study, changed_by)
                VALUES (:need, :on, :kind, :status, :rome, :headcount, :filled, :difficult, :workStudy, :actor)""")
                .setParameter("need", n.id).setParameter("on", on).setParameter("kind", kind.name())
                .setParameter("status", n.status.name()).setParameter("rome", n.romeCode)
                .setParameter("headcount", n.headcount).setParameter("filled", n.filledCount)
                .setParameter("difficult", n.difficult).setParameter("workStudy", n.workStudy)
                .setParameter("actor", actor).executeUpdate())).replaceWithVoid();
    }

    static NeedV1 payload(RecruitmentNeed n, Company company) {
        return new NeedV1(n.id, n.romeCode, Rome.family(n.romeCode).name(), n.jobTitle, n.commune, n.departement, n.epci,
                company.nafCode, company.sizeBand.name(), n.headcount, n.filledCount, n.openPositions(),
                n.contractType.name(), n.qualificationLevel.name(), List.of(n.skills), n.workStudy,
                n.startDate.toString(), n.deadline.toString(), hours(n.hoursPerWeek), n.difficult,
                Arrays.stream(n.difficultyReasons).toList(), n.status.name(), n.declaredOn.toString(),
                n.closedOn == null ? null : n.closedOn.toString());
    }

    /** 35.0 as 35, 37.5 as 37.5: hours as a person writes them. */
    private static BigDecimal hours(BigDecimal value) {
        return new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
