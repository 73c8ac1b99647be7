package org.xietong.contracts.rotation;

import java.time.LocalDate;
import java.util.List;

/**
 * A demand post (按需定岗) as it is after a step: requested by the receiving school (点单), dispatched by the
 * district officer (派单) or withdrawn. Key and subject: the post id.
 */
public record PostChanged(long id, String schoolCode, String regionCode, String subject, String level, int seats,
                          String mode, LocalDate startDate, int months, String status) {

    public static final String REQUESTED = "org.xietong.rotation.post.requested.v1";
    public static final String DISPATCHED = "org.xietong.rotation.post.dispatched.v1";
    public static final String WITHDRAWN = "org.xietong.rotation.post.withdrawn.v1";
    public static final List<String> TYPES = List.of(REQUESTED, DISPATCHED, WITHDRAWN);
}
