package org.xietong.systemtests.soak;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The last few ids one virtual user created, for others to read back. */
final class RecentIds<T> {

    private static final int KEEP = 100;
    private final Deque<T> ids = new ArrayDeque<>();

    synchronized void add(T id) {
        if (ids.size() == KEEP) {
            ids.removeFirst();
        }
        ids.addLast(id);
    }

    synchronized Optional<T> any() {
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<T> list = new ArrayList<>(ids);
        return Optional.of(list.get(ThreadLocalRandom.current().nextInt(list.size())));
    }
}
