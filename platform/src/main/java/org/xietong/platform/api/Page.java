package org.xietong.platform.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One page of a listing: the items, where it is, and how many there are in all. */
public record Page<T>(@Schema(maxItems = Page.MAX_SIZE, description = "This page's items, at most size of them")
                      List<T> items,
                      @Schema(minimum = "0", maximum = "2147483647") int page,
                      @Schema(minimum = "1", maximum = "" + Page.MAX_SIZE) int size,
                      @Schema(minimum = "0", description = "How many items the listing holds in all") long total) {

    /** The largest page any listing serves (most serve 200). */
    public static final int MAX_SIZE = 500;
}
