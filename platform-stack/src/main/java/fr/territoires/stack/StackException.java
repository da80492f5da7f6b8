package fr.territoires.stack;

/** A start or stop that cannot go on, with a message meant for a person (no stack trace). */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}
