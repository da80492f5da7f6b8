package fr.territoires.funding.envelope;

import fr.territoires.commons.codes.Siret;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What clients send about envelopes. Amounts are euros with at most two decimals. */
public final class EnvelopeRequests {

    private EnvelopeRequests() {
    }

    public record NewEnvelope(
            @NotNull Envelope.Funder funder,
            @Pattern(regexp = "0[1-6]|[1-9][0-9]", message = "must be an INSEE region code, e.g. 44") String region,
            @Siret String funderSiret,
            @NotBlank @Size(max = 200) String name,
            @NotNull Envelope.Priority priority,
            @NotNull Envelope.Scope scope,
            @Pattern(regexp = "0[1-6]|[1-9][0-9]", message = "must be an INSEE region code, e.g. 44") String scopeRegion,
            @Size(max = 500) List<@NotNull @Pattern(regexp = "ti-[0-9A-Za-z-]+", message = "must be a territory code")
                    String> scopeTerritories,
            @NotNull @Min(2018) @Max(2100) Integer firstYear,
            @NotNull @Min(2018) @Max(2100) Integer lastYear,
            @NotNull @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal ceiling,
            Map<@NotNull Integer, @NotNull @DecimalMin(value = "0", message = "must not be negative")
                    @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals")
                    BigDecimal> yearlyPaymentCeilings) {
    }

    public record CeilingChange(
            @NotNull @DecimalMin(value = "0", message = "must not be negative")
            @Digits(integer = 13, fraction = 2, message = "must be euros with at most two decimals") BigDecimal ceiling,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record StatusChange(@NotNull Envelope.Status status, @NotBlank @Size(max = 1000) String reason) {
    }
}
