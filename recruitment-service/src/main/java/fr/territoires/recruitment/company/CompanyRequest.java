package fr.territoires.recruitment.company;

import fr.territoires.commons.codes.Siret;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A company as clients send it, to register it or to replace it. {@code territory} is needed only
 * when the commune lies in more than one labelled territory.
 */
public record CompanyRequest(
        @NotNull @Siret String siret,
        @NotBlank @Size(max = 200) String name,
        @NotNull String nafCode,
        @NotNull String commune,
        @NotNull Company.SizeBand sizeBand,
        String territory) {
}
