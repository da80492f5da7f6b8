package fr.territoires.backbone.deadletter;

import fr.territoires.backbone.CloudEventHeaders;
import fr.territoires.backbone.inbox.EventApplier;
import fr.territoires.backbone.inbox.MalformedEventException;
import fr.territoires.backbone.inbox.ReceivedEvent;
import fr.territoires.commons.outage.Outages;
import fr.territoires.commons.problem.Problem;
import fr.territoires.commons.problem.ProblemException;
import fr.territoires.commons.tracing.TraceIds;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a parked message again, through the same once-only path as the consumer: a message
 * whose effect was meanwhile applied is not applied twice. Other consumers of the topic (partners)
 * see nothing: the original topic is not written to.
 *
 * <p>Each re-drive is a span ({@code <topic> redrive}) of the event's own trace (its
 * {@code ce_traceparent}, as the consumer's processing span), linked to the span of whoever asked
 * for it (the administrator's request): the event's trace shows its failed processing and then its
 * re-drive, and the request's trace leads to it.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    public record Report(int redriven, int stillFailing, List<Long> failedIds) {
    }

    static final AttributeKey<Long> DEAD_LETTER_ID = AttributeKey.longKey("backbone.dead_letter.id");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("backbone.outcome");

    private final DeadLetters deadLetters;
    private final EventApplier applier;
    private final Tracer tracer;

    public DeadLetterRedrive(DeadLetters deadLetters, EventApplier applier, Tracer tracer) {
        this.deadLetters = deadLetters;
        this.applier = applier;
        this.tracer = tracer;
    }

    public DeadLetter redrive(long id) throws SQLException {
        DeadLetter letter = deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("Dead letter " + id));
        if (!"PARKED".equals(letter.status())) {
            throw ProblemException.conflict("dead-letter-not-parked", "Dead letter " + id + " was already re-driven");
        }
        Span span = span(letter);
        try (Scope scope = span.makeCurrent()) {
            try {
                ReceivedEvent event = ReceivedEvent.parse(letter.topic(), letter.partition(), letter.offset(),
                        letter.key(), letter.headers(), letter.payload());
                applier.applyOnce(event);
            } catch (RuntimeException e) {
                if (Outages.isUnavailable(e)) {
                    // The database is away, not the event at fault: 503 with Retry-After (ProblemMappers),
                    // the dead letter stays as it was.
                    span.recordException(e);
                    span.setStatus(StatusCode.ERROR, "dependency unavailable");
                    throw e;
                }
                throw stillFailing(id, span, e);
            } catch (MalformedEventException e) {
                throw stillFailing(id, span, e);
            }
            deadLetters.markRedriven(id);
            span.setAttribute(OUTCOME, "redriven");
            return deadLetters.find(id).orElseThrow();
        } finally {
            span.end();
        }
    }

    /** Records the failed re-drive; the 422 the administrator gets. */
    private ProblemException stillFailing(long id, Span span, Exception e) throws SQLException {
        span.recordException(e);
        span.setStatus(StatusCode.ERROR, "still failing");
        span.setAttribute(OUTCOME, "still failing");
        deadLetters.recordFailedRedrive(id, e);
        return new ProblemException(Problem.of("dead-letter-still-failing", "Still cannot be applied", 422,
                "Dead letter " + id + " still cannot be applied: " + e.getMessage()));
    }

    /** The re-drive's span: in the event's trace when it carries one, linked to the caller's span. */
    private Span span(DeadLetter letter) {
        String traceparent = letter.headers() == null ? null : letter.headers().get(CloudEventHeaders.TRACEPARENT);
        var builder = tracer.spanBuilder(letter.topic() + " redrive")
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(DEAD_LETTER_ID, letter.id())
                .setAttribute(AttributeKey.stringKey("messaging.destination.name"), letter.topic())
                .setAttribute(AttributeKey.stringKey("messaging.message.id"),
                        String.valueOf(letter.headers() == null ? null : letter.headers().get(CloudEventHeaders.ID)));
        SpanContext caller = Span.current().getSpanContext();
        if (TraceIds.parse(traceparent).isPresent()) {
            builder.setParent(TraceIds.parentContext(traceparent));
            if (caller.isValid()) {
                builder.addLink(caller);
            }
        }
        return builder.startSpan();
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
