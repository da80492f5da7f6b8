package fr.territoires.events.territory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code fr.territoires.territory.perimeter-changed.v1}.
 *
 * @param phase the programme's phase whose code this is and whose perimeter this is (absent from events
 *     published before it existed: read them as the current phase)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryPerimeterChangedV1(String code, String name, String effectiveOn, Perimeter perimeter,
        List<String> previousEpcis, String reason, String phase) {

    public TerritoryPerimeterChangedV1(String code, String name, String effectiveOn, Perimeter perimeter,
            List<String> previousEpcis, String reason) {
        this(code, name, effectiveOn, perimeter, previousEpcis, reason, null);
    }
}
