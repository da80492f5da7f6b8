package fr.territoires.registry.site;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Set;

/** A site as clients send it, to list one or to replace one (status included). */
public record SiteRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "([0-9]{2}|2A|2B)[0-9]{3}", message = "must be a commune INSEE code, e.g. 54430 or 2A004")
        String commune,
        @NotNull
        @DecimalMin(value = "0", inclusive = false, message = "must be a positive area in hectares")
        @Digits(integer = 8, fraction = 2, message = "must be hectares with at most two decimals") BigDecimal areaHectares,
        IndustrialSite.Status status,
        boolean brownfield,
        @Size(max = 7) Set<IndustrialSite.@NotNull Service> services,
        @Size(max = 4000) String description) {
}
