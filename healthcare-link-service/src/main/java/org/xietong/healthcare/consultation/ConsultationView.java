package org.xietong.healthcare.consultation;

import java.time.Instant;

public record ConsultationView(long id, long consortiumId, String requesterCode, String requesterRegion,
                               String consultantCode, String consultantRegion, String specialty, Urgency urgency,
                               ConsultationStatus status, String question, String patientRef, Instant requestedAt,
                               Instant deadline, boolean overdue, Instant scheduledAt, String report,
                               String declineReason, String cancelReason, Instant closedAt, long version) {

    static ConsultationView of(Consultation c, Instant now) {
        return new ConsultationView(c.id, c.consortiumId, c.requesterCode, c.requesterRegion, c.consultantCode,
                c.consultantRegion, c.specialty, c.urgency, c.status, c.question, c.patientRef, c.requestedAt,
                c.deadline, c.overdueAt(now), c.scheduledAt, c.report, c.declineReason, c.cancelReason, c.closedAt,
                c.version);
    }
}
