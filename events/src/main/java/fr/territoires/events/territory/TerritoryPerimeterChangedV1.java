package fr.territoires.events.territory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code fr.territoires.territory.perimeter-changed.v1}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryPerimeterChangedV1(String code, String name, String effectiveOn, Perimeter perimeter,
        List<String> previousEpcis, String reason) {
}
