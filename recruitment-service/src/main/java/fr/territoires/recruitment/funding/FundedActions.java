package fr.territoires.recruitment.funding;

import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.events.funding.FundsCommittedV1;
import fr.territoires.events.funding.FundsDecommittedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The actions funding committed for recruitment needs (funding.events), and what is left of each
 * commitment. A commitment that names no need is none of this service's business and is not kept.
 */
@ApplicationScoped
public class FundedActions {

    private static final Logger LOG = Logger.getLogger(FundedActions.class);

    /** A funded action as a need shows it. */
    public record FundedAction(UUID commitmentId, String title, String funder, String envelopeName, String priority,
            BigDecimal amount, BigDecimal remaining, LocalDate committedOn, String status, Long actionSheetId) {
    }

    public Uni<Void> committed(ReceivedEvent event) {
        FundsCommittedV1 p = event.payload(FundsCommittedV1.class);
        if (p.recruitmentNeeds() == null || p.recruitmentNeeds().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO funded_action (commitment_id, territory_code, application_id, envelope_id, envelope_name, funder,
                                           priority, title, action_sheet_id, amount, remaining, committed_on, status,
                                           updated_at, last_event_id)
                VALUES (:id, :code, :application, :envelope, :envelopeName, :funder, :priority, :title, :sheet, :amount,
                        :amount, :on, 'COMMITTED', now(), :event)
                ON CONFLICT (commitment_id) DO UPDATE SET amount = EXCLUDED.amount, remaining = EXCLUDED.remaining,
                    title = EXCLUDED.title, status = 'COMMITTED', updated_at = now(), last_event_id = EXCLUDED.last_event_id""")
                .setParameter("id", p.commitmentId()).setParameter("code", p.code())
                .setParameter("application", p.applicationId()).setParameter("envelope", p.envelopeId())
                .setParameter("envelopeName", p.envelopeName()).setParameter("funder", p.funder())
                .setParameter("priority", p.priority()).setParameter("title", p.title())
                .setParameter("sheet", p.actionSheetId()).setParameter("amount", p.amount())
                .setParameter("on", LocalDate.parse(p.committedOn())).setParameter("event", event.id())
                .executeUpdate()
                .chain(() -> s.createNativeQuery("DELETE FROM funded_action_need WHERE commitment_id = :id")
                        .setParameter("id", p.commitmentId()).executeUpdate())
                // Only needs of the commitment's territory: an application naming another territory's
                // need never puts its funded action on that need (issue 14).
                .chain(() -> s.createNativeQuery("""
                        INSERT INTO funded_action_need (commitment_id, need_id)
                        SELECT :id, rn.id FROM recruitment_need rn
                        WHERE rn.id IN (SELECT CAST(n AS uuid) FROM unnest(string_to_array(:needs, ',')) AS n)
                          AND rn.territory_code = :code""")
                        .setParameter("id", p.commitmentId()).setParameter("code", p.code())
                        .setParameter("needs", String.join(",", p.recruitmentNeeds().stream().map(UUID::toString).toList()))
                        .executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Void> decommitted(ReceivedEvent event) {
        FundsDecommittedV1 p = event.payload(FundsDecommittedV1.class);
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                UPDATE funded_action SET remaining = :remaining,
                    status = CASE WHEN :remaining = 0 THEN 'RELEASED' ELSE 'COMMITTED' END,
                    updated_at = now(), last_event_id = :event
                WHERE commitment_id = :id""")
                .setParameter("remaining", p.remaining()).setParameter("event", event.id())
                .setParameter("id", p.commitmentId()).executeUpdate())
                .invoke(updated -> {
                    if (updated == 0) {
                        LOG.debugf("Decommitment of %s ignored: it funds no recruitment need", p.commitmentId());
                    }
                }).replaceWithVoid();
    }

    /** The actions funded for a need, the latest commitment first; in the caller's session. */
    public Uni<List<FundedAction>> ofNeed(UUID need) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT a.commitment_id, a.title, a.funder, a.envelope_name, a.priority, a.amount, a.remaining,
                       a.committed_on, a.status, a.action_sheet_id
                FROM funded_action a JOIN funded_action_need n ON n.commitment_id = a.commitment_id
                WHERE n.need_id = :need
                ORDER BY a.committed_on DESC, a.commitment_id""", Object[].class)
                .setParameter("need", need).getResultList())
                .map(rows -> rows.stream().map(r -> new FundedAction((UUID) r[0], (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], (BigDecimal) r[5], (BigDecimal) r[6], (LocalDate) r[7],
                        (String) r[8], r[9] == null ? null : ((Number) r[9]).longValue())).toList());
    }
}
