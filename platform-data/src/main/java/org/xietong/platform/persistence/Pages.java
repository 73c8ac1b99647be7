package org.xietong.platform.persistence;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import org.xietong.platform.api.Page;

import java.util.List;
import java.util.function.Function;

/** One page of a Panache query, shown through a view. */
public final class Pages {

    private Pages() {
    }

    /** A page beyond what an int offset can address is simply empty (Panache would overflow it). */
    public static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> view) {
        if (beyondReach(page, size)) {
            return new Page<>(List.of(), page, size, query.count());
        }
        PanacheQuery<E> paged = query.page(page, size);
        return new Page<>(paged.list().stream().map(view).toList(), page, size, paged.count());
    }

    /** Whether the page starts past what an int offset can address: it is empty, whatever the query. */
    public static boolean beyondReach(int page, int size) {
        return (long) page * size > Integer.MAX_VALUE - size;
    }
}
