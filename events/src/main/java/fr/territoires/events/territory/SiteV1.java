package fr.territoires.events.territory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** An industrial site offered to investors, as the site events carry it, whole. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SiteV1(long id, String name, String commune, String communeName, BigDecimal areaHectares, String status,
        boolean brownfield, List<String> services, String description) {

    /** {@code fr.territoires.territory.site-listed.v1}. */
    public record Listed(String code, SiteV1 site) {
    }

    /** {@code fr.territoires.territory.site-updated.v1}; previousStatus only when the status changed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Updated(String code, SiteV1 site, String previousStatus) {
    }
}
