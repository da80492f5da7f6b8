package fr.territoires.commons.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void aTraceparentIsReadAndWrittenBackUnchanged() {
        SpanContext span = TraceIds.parse(TRACEPARENT).orElseThrow();
        assertEquals("0af7651916cd43dd8448eb211c80319c", span.getTraceId());
        assertEquals("b7ad6b7169203331", span.getSpanId());
        assertTrue(span.isSampled());
        assertTrue(span.isRemote());
        assertEquals(TRACEPARENT, TraceIds.traceparent(span).orElseThrow());
    }

    @Test
    void malformedOrAllZeroTraceparentsAreIgnoredNotRefused() {
        assertFalse(TraceIds.parse(null).isPresent());
        assertFalse(TraceIds.parse("").isPresent());
        assertFalse(TraceIds.parse("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").isPresent());
        assertFalse(TraceIds.parse("00-00000000000000000000000000000000-b7ad6b7169203331-01").isPresent());
        assertFalse(TraceIds.parse("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01").isPresent());
        assertFalse(TraceIds.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01; drop table").isPresent());
    }

    @Test
    void aParentContextCarriesTheRemoteSpanOrNothing() {
        assertEquals("b7ad6b7169203331",
                Span.fromContext(TraceIds.parentContext(TRACEPARENT)).getSpanContext().getSpanId());
        assertFalse(Span.fromContext(TraceIds.parentContext("garbage")).getSpanContext().isValid());
    }

    @Test
    void outsideAnySpanThereIsNoCurrentTrace() {
        assertFalse(TraceIds.currentTraceId().isPresent());
        assertFalse(TraceIds.currentTraceparent().isPresent());
    }
}
