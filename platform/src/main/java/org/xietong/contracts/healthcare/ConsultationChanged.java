package org.xietong.contracts.healthcare;

import java.time.Instant;
import java.util.List;

/**
 * A remote consultation (远程会诊) moved a step: requested, accepted, scheduled, completed or declined by the consulting
 * institution (cancellation by the requester is {@link ConsultationCancelled}). No patient reference, question,
 * report or reason: those stay in the consultation, read by the two institutions. Key and subject: the consultation
 * id; visible in both institutions' regions.
 */
public record ConsultationChanged(long id, long consortiumId, String requesterCode, String requesterRegion,
                                  String consultantCode, String consultantRegion, String specialty, String urgency,
                                  String status, Instant deadline, Instant scheduledAt, Instant changedAt) {

    public static final String REQUESTED = "org.xietong.healthcare.consultation.requested.v1";
    public static final String ACCEPTED = "org.xietong.healthcare.consultation.accepted.v1";
    public static final String SCHEDULED = "org.xietong.healthcare.consultation.scheduled.v1";
    public static final String COMPLETED = "org.xietong.healthcare.consultation.completed.v1";
    public static final String DECLINED = "org.xietong.healthcare.consultation.declined.v1";
    public static final List<String> TYPES = List.of(REQUESTED, ACCEPTED, SCHEDULED, COMPLETED, DECLINED);

    /** The type of a step to {@code status}. */
    public static String type(String status) {
        return "org.xietong.healthcare.consultation." + status.toLowerCase(java.util.Locale.ROOT) + ".v1";
    }
}
