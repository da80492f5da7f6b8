package fr.territoires.backbone.inbox;

import java.util.List;

/** A message that is not a valid event of the platform: retrying cannot help. */
public class MalformedEventException extends Exception {

    public MalformedEventException(List<String> problems) {
        super(String.join("; ", problems));
    }
}
