package org.xietong.healthcare.consortium;

import java.time.Instant;

/** An enrolment waiting for (or decided by) a health officer of the invited institution's region. */
public record InvitationView(long id, long consortiumId, String consortiumName, String leadCode, String leadRegion,
                             String institutionCode, String institutionName, String regionCode,
                             ConsortiumInvitation.Status status, String requestedBy, Instant requestedAt,
                             String decidedBy, Instant decidedAt, long version) {
}
