package fr.territoires.registry.entry;

/** Where a territory stands in the programme. */
public enum TerritoryStatus {
    /** Applied for the label, not labelled yet. */
    CANDIDATE,
    /** Labelled Territoire d'industrie. */
    LABELLED,
    /** Left the programme; kept for history, no new applications. */
    LEFT
}
