package fr.territoires.backbone.testapp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The spans the test application ended, kept in memory: Quarkus's "cdi" span exporter hands every
 * finished span to each SpanExporter bean (the real SDK, sampler and processors; no OTLP collector).
 */
@ApplicationScoped
@Unremovable
public class InMemorySpans implements SpanExporter {

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        finished.addAll(spans);
        return CompletableResultCode.ofSuccess();
    }

    /** The finished spans of one trace. */
    public List<SpanData> ofTrace(String traceId) {
        return finished.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    /** Every finished span. */
    public List<SpanData> all() {
        return List.copyOf(finished);
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
