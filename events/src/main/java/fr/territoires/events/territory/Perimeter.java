package fr.territoires.events.territory;

import java.util.List;

/** A territory's perimeter as events carry it: EPCI SIRENs and commune INSEE codes. */
public record Perimeter(List<String> epcis, List<String> communes) {
}
