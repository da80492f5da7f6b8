package fr.territoires.backbone.deadletter;

import fr.territoires.backbone.inbox.EventApplier;
import fr.territoires.backbone.inbox.MalformedEventException;
import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a parked message again, through the same once-only path as the consumer: a message
 * whose effect was meanwhile applied is not applied twice. Other consumers of the topic (partners)
 * see nothing: the original topic is not written to.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    public record Report(int redriven, int stillFailing, List<Long> failedIds) {
    }

    private final DeadLetters deadLetters;
    private final EventApplier applier;

    public DeadLetterRedrive(DeadLetters deadLetters, EventApplier applier) {
        this.deadLetters = deadLetters;
        this.applier = applier;
    }

    public DeadLetter redrive(long id) throws SQLException {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("Dead letter " + id));
        if (!"PARKED".equals(letter.status())) {
            throw ProblemException.conflict("dead-letter-not-parked", "Dead letter " + id + " was already re-driven");
        }
        try {
            ReceivedEvent event = ReceivedEvent.parse(letter.topic(), letter.partition(), letter.offset(), letter.key(),
                    letter.headers(), letter.payload());
            applier.applyOnce(event);
        } catch (MalformedEventException | RuntimeException e) {
            deadLetters.recordFailedRedrive(id, e);
            throw new ProblemException(Problem.of("dead-letter-still-failing", "Still cannot be applied", 422,
                    "Dead letter " + id + " still cannot be applied: " + e.getMessage()));
        }
        deadLetters.markRedriven(id);
        return deadLetters.find(id).orElseThrow();
    }

    public Report redriveAll() throws SQLException {
        int ok = 0;
        List<Long> failed = new ArrayList<>();
        for (long id : deadLetters.parkedIds()) {
            try {
                redrive(id);
                ok++;
            } catch (ProblemException e) {
                failed.add(id);
            }
        }
        return new Report(ok, failed.size(), failed);
    }
}
