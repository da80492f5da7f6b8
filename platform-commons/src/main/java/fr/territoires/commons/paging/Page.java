package fr.territoires.commons.paging;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/** One page of a list in a stable order, with the total count across all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    @JsonProperty
    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
