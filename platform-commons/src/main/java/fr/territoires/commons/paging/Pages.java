package fr.territoires.commons.paging;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/** Reads one page of a Panache query and its total count, in the same session. */
public final class Pages {

    private Pages() {
    }

    /** The query must have a stable order (ending with a unique column) for pages not to overlap. */
    public static <T> Uni<Page<T>> read(PanacheQuery<T> query, PageRequest request) {
        PanacheQuery<T> paged = query.page(request.page(), request.size());
        return paged.list().flatMap(items -> paged.count().map(total -> Page.of(items, request, total)));
    }
}
