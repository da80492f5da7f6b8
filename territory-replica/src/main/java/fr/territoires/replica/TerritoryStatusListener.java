package fr.territoires.replica;

import io.smallrye.mutiny.Uni;

/**
 * What a service does when the replica applies a newer status of a territory (e.g. funding flags the
 * open applications of a territory that left). Called in the consumer's transaction, after the
 * replica changed: what it writes commits, or is rolled back, with the event's application.
 */
public interface TerritoryStatusListener {

    Uni<Void> statusChanged(String code, String status);
}
