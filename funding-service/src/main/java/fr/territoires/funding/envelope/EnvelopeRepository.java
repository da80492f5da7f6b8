package fr.territoires.funding.envelope;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.Pages;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class EnvelopeRepository implements PanacheRepositoryBase<Envelope, UUID> {

    /** One page of envelopes, by name then id (stable across pages). */
    public Uni<Page<Envelope>> page(PageRequest request) {
        return Pages.read(findAll(Sort.by("name").and("id")), request);
    }
}
