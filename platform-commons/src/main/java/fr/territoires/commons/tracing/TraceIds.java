package fr.territoires.commons.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C trace context as the platform writes it: in {@code traceparent} (HTTP) and
 * {@code ce_traceparent} (events), {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}.
 */
public final class TraceIds {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceIds() {
    }

    /** The current span's trace id, if a valid span is current. */
    public static Optional<String> currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? Optional.of(span.getTraceId()) : Optional.empty();
    }

    /** The current span as a traceparent value, if a valid span is current. */
    public static Optional<String> currentTraceparent() {
        return traceparent(Span.current().getSpanContext());
    }

    /** A span context as a traceparent value; empty for an invalid one. */
    public static Optional<String> traceparent(SpanContext span) {
        if (span == null || !span.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
    }

    /**
     * A traceparent value as the remote parent of the spans started under the returned context;
     * empty when the value is absent or not a version-00 traceparent (a malformed one is ignored, never
     * an error: tracing must not refuse an event).
     */
    public static Optional<SpanContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(traceparent.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        SpanContext span = SpanContext.createFromRemoteParent(m.group(1), m.group(2),
                TraceFlags.fromHex(m.group(3), 0), TraceState.getDefault());
        return span.isValid() ? Optional.of(span) : Optional.empty();
    }

    /** The context whose parent is the given traceparent, or the root context when it has none. */
    public static Context parentContext(String traceparent) {
        return parse(traceparent).map(span -> Context.root().with(Span.wrap(span))).orElse(Context.root());
    }
}
