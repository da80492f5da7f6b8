package fr.territoires.events.territory;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code fr.territoires.territory.status-changed.v1}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TerritoryStatusChangedV1(String code, String name, String status, String previousStatus, String reason) {
}
