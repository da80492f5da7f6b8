package fr.territoires.funding.commitment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Money movements on a commitment. Amounts are positive euros with at most two decimals. */
public final class CommitmentRequests {

    private CommitmentRequests() {
    }

    public record NewPayment(@NotNull Payment.Kind kind,
            @NotNull @DecimalMin(value = "0.01", message = "must be a positive amount of euros")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal amount,
            LocalDate paidOn, @Size(max = 1000) String reason) {
    }

    public record Release(@NotNull @DecimalMin(value = "0.01", message = "must be a positive amount of euros")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal amount,
            @NotBlank @Size(max = 1000) String reason) {
    }
}
