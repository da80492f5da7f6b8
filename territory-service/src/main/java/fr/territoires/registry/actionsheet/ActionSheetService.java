package fr.territoires.registry.actionsheet;

import fr.territoires.backbone.outbox.Outbox;
import fr.territoires.commons.access.CallerScope;
import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.Pages;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.versioning.IfMatch;
import fr.territoires.events.EventType;
import fr.territoires.events.territory.ActionSheetV1;
import fr.territoires.registry.access.TerritoryAccess;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** A territory's action sheets; every addition and change is announced on territory.events. */
@ApplicationScoped
public class ActionSheetService {

    private final TerritoryAccess access;
    private final ActionSheetRepository sheets;
    private final Outbox outbox;

    public ActionSheetService(TerritoryAccess access, ActionSheetRepository sheets, Outbox outbox) {
        this.access = access;
        this.sheets = sheets;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<Page<ActionSheet>> list(String code, ActionSheet.Priority priority, ActionSheet.Status status,
            PageRequest page) {
        return access.requireExists(code).chain(() -> Pages.read(sheets.ofTerritory(code, priority, status), page));
    }

    @WithSession
    public Uni<ActionSheet> get(String code, long id) {
        return find(code, id);
    }

    @WithTransaction
    public Uni<ActionSheet> add(String code, ActionSheetRequest request, CallerScope caller) {
        ActionSheet.Status status = request.statusOr(ActionSheet.Status.IDEA);
        ActionSheetRules.checkInitial(status);
        ActionSheetRules.checkDates(request.startsOn(), request.endsOn());
        return access.requireEditor(caller, code).chain(t -> {
            ActionSheet sheet = new ActionSheet();
            sheet.territoryCode = code;
            sheet.status = status;
            apply(sheet, request, caller.name());
            return Panache.getSession().chain(s -> s.persist(sheet).chain(s::flush))
                    .chain(() -> outbox.append(EventType.ACTION_SHEET_ADDED, code, new ActionSheetV1.Added(code, event(sheet))))
                    .replaceWith(sheet);
        });
    }

    @WithTransaction
    public Uni<ActionSheet> replace(String code, long id, ActionSheetRequest request, Long expectedVersion,
            CallerScope caller) {
        ActionSheetRules.checkDates(request.startsOn(), request.endsOn());
        return access.requireEditor(caller, code).chain(t -> find(code, id)).chain(sheet -> {
            IfMatch.require(expectedVersion, sheet.version, "Action sheet " + id);
            ActionSheet.Status previous = sheet.status;
            ActionSheet.Status next = request.statusOr(previous);
            ActionSheetRules.checkTransition(id, previous, next);
            sheet.status = next;
            apply(sheet, request, caller.name());
            return Panache.getSession().chain(s -> s.flush())
                    .chain(() -> outbox.append(EventType.ACTION_SHEET_UPDATED, code, new ActionSheetV1.Updated(code,
                            event(sheet), previous == next ? null : previous.name())))
                    .replaceWith(sheet);
        });
    }

    private static void apply(ActionSheet sheet, ActionSheetRequest r, String actor) {
        sheet.title = r.title().trim();
        sheet.priority = r.priority();
        sheet.description = r.description();
        sheet.owner = r.owner().trim();
        sheet.plannedBudget = r.plannedBudget();
        sheet.indicators = r.indicators() == null ? new String[0] : r.indicators().stream().map(String::trim).toArray(String[]::new);
        sheet.startsOn = r.startsOn();
        sheet.endsOn = r.endsOn();
        sheet.editedBy(actor);
    }

    private static Uni<ActionSheet> find(String code, long id) {
        return Panache.getSession().chain(s -> s.find(ActionSheet.class, id)).map(sheet -> {
            if (sheet == null || !sheet.territoryCode.equals(code)) {
                throw ProblemException.notFound("Action sheet " + id + " of territory " + code);
            }
            return sheet;
        });
    }

    static ActionSheetV1 event(ActionSheet a) {
        return new ActionSheetV1(a.id, a.title, a.priority.name(), a.status.name(), a.owner, a.description,
                a.plannedBudget, List.of(a.indicators), a.startsOn == null ? null : a.startsOn.toString(),
                a.endsOn == null ? null : a.endsOn.toString());
    }
}
