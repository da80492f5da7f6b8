package fr.territoires.backbone.inbox;

/**
 * Thrown by a handler when an event can never be applied (it contradicts this service's state),
 * so that it goes to the dead letters at once instead of being retried.
 */
public class PermanentEventFailure extends RuntimeException {

    public PermanentEventFailure(String message) {
        super(message);
    }
}
