package fr.territoires.registry.actionsheet;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An action sheet as clients send it, to create one or to replace one (status included). */
public record ActionSheetRequest(
        @NotBlank @Size(max = 300) String title,
        @NotNull ActionSheet.Priority priority,
        @Size(max = 4000) String description,
        @NotBlank @Size(max = 200) String owner,
        ActionSheet.Status status,
        @DecimalMin(value = "0", message = "must not be negative")
        @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal plannedBudget,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> indicators,
        LocalDate startsOn,
        LocalDate endsOn) {

    /** The status asked for, or IDEA for a new sheet without one. */
    ActionSheet.Status statusOr(ActionSheet.Status fallback) {
        return status == null ? fallback : status;
    }
}
