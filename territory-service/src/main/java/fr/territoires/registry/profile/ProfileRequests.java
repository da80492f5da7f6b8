package fr.territoires.registry.profile;

import fr.territoires.commons.codes.Siren;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

public final class ProfileRequests {

    private ProfileRequests() {
    }

    public record KeyCompanyEntry(@NotNull @Siren String siren, @NotBlank @Size(max = 200) String name) {
    }

    /** The whole profile, replaced at once. */
    public record ProfileUpdate(
            @DecimalMin(value = "0", message = "must be a percentage between 0 and 100")
            @DecimalMax(value = "100", message = "must be a percentage between 0 and 100")
            @Digits(integer = 3, fraction = 2, message = "must have at most two decimals") BigDecimal industrialJobsShare,
            @PositiveOrZero @Max(100_000) Integer industrialEstablishments,
            @Min(1990) @Max(2100) Integer referenceYear,
            @Size(max = 300) String source,
            @Size(max = 50) List<@NotNull @Valid KeyCompanyEntry> keyCompanies) {
    }
}
