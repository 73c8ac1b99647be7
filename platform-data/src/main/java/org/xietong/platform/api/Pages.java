package org.xietong.platform.api;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

import java.util.function.Function;

/** One page of a Panache query, shown through a view. */
public final class Pages {

    private Pages() {
    }

    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        PanacheQuery<E> paged = query.page(page, size);
        return new Page<>(paged.list().stream().map(view).toList(), page, size, paged.count());
    }
}
