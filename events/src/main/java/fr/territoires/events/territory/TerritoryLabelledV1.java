package fr.territoires.events.territory;

/** {@code fr.territoires.territory.labelled.v1}. */
public record TerritoryLabelledV1(String code, String name, String status, boolean pilot, Perimeter perimeter) {

    public static TerritoryLabelledV1 of(String code, String name, boolean pilot, Perimeter perimeter) {
        return new TerritoryLabelledV1(code, name, "LABELLED", pilot, perimeter);
    }
}
