package fr.territoires.funding.reference;

import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.events.recruitment.NeedV1;
import fr.territoires.events.territory.ActionSheetV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which territory each action sheet and recruitment need belongs to, as their events said
 * (territory.events, recruitment.events). An application names only its own territory's: the
 * cross-reference rule of issue 14, enforced where the reference is made, not only where it is used.
 */
@ApplicationScoped
public class KnownReferences {

    enum Kind { ACTION_SHEET, NEED }

    public Uni<Void> actionSheetAdded(ReceivedEvent event) {
        ActionSheetV1.Added p = event.payload(ActionSheetV1.Added.class);
        return record(Kind.ACTION_SHEET, String.valueOf(p.actionSheet().id()), p.code(), event.id());
    }

    public Uni<Void> needPublished(ReceivedEvent event) {
        NeedV1.Published p = event.payload(NeedV1.Published.class);
        return record(Kind.NEED, p.need().id().toString(), p.code(), event.id());
    }

    public Uni<Void> needUpdated(ReceivedEvent event) {
        NeedV1.Updated p = event.payload(NeedV1.Updated.class);
        return record(Kind.NEED, p.need().id().toString(), p.code(), event.id());
    }

    private static Uni<Void> record(Kind kind, String ref, String territory, String eventId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                INSERT INTO known_reference (kind, ref, territory_code, updated_at, last_event_id)
                VALUES (:kind, :ref, :code, now(), :event)
                ON CONFLICT (kind, ref) DO UPDATE SET territory_code = EXCLUDED.territory_code,
                    updated_at = EXCLUDED.updated_at, last_event_id = EXCLUDED.last_event_id""")
                .setParameter("kind", kind.name()).setParameter("ref", ref).setParameter("code", territory)
                .setParameter("event", eventId).executeUpdate()).replaceWithVoid();
    }

    /**
     * Fails unless the action sheet (may be null) and every need belong to {@code territory}: a 403
     * naming the field when one belongs to another territory, a 400 naming it when funding has not
     * heard of it (unknown, or its event has not arrived yet: the caller may retry).
     */
    public Uni<Void> requireOwnedBy(String territory, Long actionSheetId, List<UUID> needs) {
        List<Asked> asked = new ArrayList<>();
        if (actionSheetId != null) {
            asked.add(new Asked(Kind.ACTION_SHEET, String.valueOf(actionSheetId), "actionSheetId"));
        }
        if (needs != null) {
            for (int i = 0; i < needs.size(); i++) {
                asked.add(new Asked(Kind.NEED, needs.get(i).toString(), "recruitmentNeeds[" + i + "]"));
            }
        }
        if (asked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                SELECT kind, ref, territory_code FROM known_reference
                WHERE (kind = 'ACTION_SHEET' AND ref = ANY (string_to_array(:sheets, ',')))
                   OR (kind = 'NEED' AND ref = ANY (string_to_array(:needs, ',')))""", Object[].class)
                .setParameter("sheets", actionSheetId == null ? "" : String.valueOf(actionSheetId))
                .setParameter("needs", needs == null ? "" : String.join(",", needs.stream().map(UUID::toString).toList()))
                .getResultList())
                .invoke(rows -> {
                    Map<String, String> owners = new HashMap<>();
                    rows.forEach(r -> owners.put(r[0] + "/" + r[1], (String) r[2]));
                    for (Asked a : asked) {
                        String owner = owners.get(a.kind() + "/" + a.ref());
                        if (owner == null) {
                            throw ProblemException.invalid(a.field(), "no " + a.what() + " is known to funding (references"
                                    + " arrive through the registry's and recruitment's events within seconds)");
                        }
                        if (!owner.equals(territory)) {
                            throw new ProblemException(new Problem(URI.create(Problem.TYPE_BASE + "forbidden-reference"),
                                    "Forbidden", 403, a.what() + " belongs to another territory than " + territory
                                            + ": an application names only its own territory's", null,
                                    List.of(new Problem.FieldError(a.field(), "belongs to another territory"))));
                        }
                    }
                }).replaceWithVoid();
    }

    /** A reference a request makes, and the request's field that carries it. */
    private record Asked(Kind kind, String ref, String field) {

        String what() {
            return (kind == Kind.NEED ? "recruitment need " : "action sheet ") + ref;
        }
    }
}
