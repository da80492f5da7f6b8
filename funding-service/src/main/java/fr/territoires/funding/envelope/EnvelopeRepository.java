package fr.territoires.funding.envelope;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class EnvelopeRepository implements PanacheRepositoryBase<Envelope, UUID> {

    /** One page of envelopes, by name then id (stable across pages). */
    public Uni<Page<Envelope>> page(PageRequest request) {
        var query = findAll(Sort.by("name").and("id")).page(request.page(), request.size());
        return query.list().flatMap(items -> query.count().map(total -> Page.of(items, request, total)));
    }
}
