package fr.territoires.commons.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON of requests is read strictly (issue 14): a field the operation does not define is a 400
 * naming it, not silently dropped — a caller who misspells {@code ceilling} learns it instead of
 * believing the ceiling moved. Only the REST layer reads with this mapper; events are read with the
 * application's own, which ignores unknown fields so that a producer may add one (docs/partners.md).
 */
@Provider
public class StrictRequestBodies implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    @Inject
    public StrictRequestBodies(ObjectMapper application) {
        this.strict = application.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }
}
