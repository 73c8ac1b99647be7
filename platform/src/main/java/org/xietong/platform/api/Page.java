package org.xietong.platform.api;

import java.util.List;

/** One page of a listing: the items, where it is, and how many there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
