package fr.territoires.commons.paging;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads one page of a Panache query and its total count, in the same session. */
public final class Pages {

    private Pages() {
    }

    /** The query must have a stable order (ending with a unique column) for pages not to overlap. */
    public static <T> Uni<Page<T>> read(PanacheQuery<T> query, PageRequest request) {
        PanacheQuery<T> paged = query.page(request.page(), request.size());
        return paged.list().flatMap(items -> paged.count().map(total -> Page.of(items, request, total)));
    }

    /**
     * Maps each item to what it needs read, one item after another: a reactive session runs one
     * query at a time, so the reads of a page's items cannot go in parallel.
     */
    public static <T, R> Uni<List<R>> eachInOrder(List<T> items, Function<T, Uni<R>> read) {
        Uni<List<R>> all = Uni.createFrom().item(new ArrayList<>());
        for (T item : items) {
            all = all.chain(done -> read.apply(item).map(r -> {
                done.add(r);
                return done;
            }));
        }
        return all;
    }
}
