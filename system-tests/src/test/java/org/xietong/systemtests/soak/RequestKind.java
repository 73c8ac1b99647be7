package org.xietong.systemtests.soak;

import java.util.Set;

/** A kind of request the soak sends and the statuses it may answer; any other status fails the soak. */
public record RequestKind(String name, Set<Integer> expected) {

    public static RequestKind of(String name, Integer... expected) {
        return new RequestKind(name, Set.of(expected));
    }

    public boolean expects(int status) {
        return expected.contains(status);
    }
}
