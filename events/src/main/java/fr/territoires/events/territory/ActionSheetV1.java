package fr.territoires.events.territory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** An action sheet (fiche action) as the action-sheet events carry it, whole. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionSheetV1(long id, String title, String priority, String status, String owner, String description,
        BigDecimal plannedBudget, List<String> indicators, String startsOn, String endsOn) {

    /** {@code fr.territoires.territory.action-sheet-added.v1}. */
    public record Added(String code, ActionSheetV1 actionSheet) {
    }

    /** {@code fr.territoires.territory.action-sheet-updated.v1}; previousStatus only when the status changed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Updated(String code, ActionSheetV1 actionSheet, String previousStatus) {
    }
}
