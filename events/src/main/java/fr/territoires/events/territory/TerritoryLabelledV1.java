package fr.territoires.events.territory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code fr.territoires.territory.labelled.v1}.
 *
 * @param phase the programme's phase whose code this is ({@code 2019-2022} or {@code 2023-2027}); codes are
 *     per phase. Absent from events published before it existed: read them as the current phase.
 * @param predecessors the phase-1 codes of the territories this phase-2 territory continues (they share communes,
 *     at least half of either's; absent when none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryLabelledV1(String code, String name, String status, boolean pilot, Perimeter perimeter,
        String phase, List<String> predecessors) {

    public static TerritoryLabelledV1 of(String code, String name, boolean pilot, Perimeter perimeter) {
        return new TerritoryLabelledV1(code, name, "LABELLED", pilot, perimeter, null, null);
    }

    public TerritoryLabelledV1 inPhase(String phase, List<String> predecessors) {
        return new TerritoryLabelledV1(code, name, status, pilot, perimeter, phase,
                predecessors == null || predecessors.isEmpty() ? null : List.copyOf(predecessors));
    }
}
