package org.xietong.contracts.healthcare;

import java.time.Instant;

/**
 * The requesting institution cancelled a remote consultation (远程会诊) before it was completed, so the consulting
 * institution frees the slot it may have scheduled. No patient reference, question or reason: those stay in the
 * consultation, read by the two institutions. Key and subject: the consultation id; visible in both regions' feeds.
 */
public record ConsultationCancelled(long id, long consortiumId, String requesterCode, String requesterRegion,
                                    String consultantCode, String consultantRegion, String specialty, String urgency,
                                    Instant scheduledAt, Instant cancelledAt) {

    public static final String TYPE = "org.xietong.healthcare.consultation.cancelled.v1";
}
