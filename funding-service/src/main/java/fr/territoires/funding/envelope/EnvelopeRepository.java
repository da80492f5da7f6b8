package fr.territoires.funding.envelope;

import fr.territoires.commons.paging.Page;
import fr.territoires.commons.paging.PageRequest;
import fr.territoires.commons.paging.Pages;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class EnvelopeRepository implements PanacheRepositoryBase<Envelope, UUID> {

    /** One page of envelopes, by name then id (stable across pages); filters are optional. */
    public Uni<Page<Envelope>> page(PageRequest request, String q, Envelope.Funder funder, Envelope.Status status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (q != null && !q.isBlank()) {
            query.append(" and lower(name) like :q");
            params.and("q", "%" + q.trim().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        if (funder != null) {
            query.append(" and funder = :funder");
            params.and("funder", funder);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return Pages.read(find(query.toString(), Sort.by("name").and("id"), params), request);
    }
}
