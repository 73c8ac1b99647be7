package org.xietong.pairing.activity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record ActivityView(UUID id,
                           @Schema(description = "The host: exactly one of pairingId, allianceId and hostRegion is set") UUID pairingId,
                           UUID allianceId, String hostRegion, ActivityKind kind, ActivityMode mode, LocalDate startDate,
                           LocalDate endDate, String place, List<String> schools, Integer students, Integer teachers,
                           Integer classes, String summary, Instant createdAt, String createdBy, Instant withdrawnAt,
                           String withdrawalReason,
                           @Schema(description = "The version, to send back in If-Match to withdraw it") long version) {

    static ActivityView of(Activity a) {
        return new ActivityView(a.id, a.pairingId, a.allianceId, a.hostRegion, a.kind, a.mode, a.startDate, a.endDate, a.place,
                List.copyOf(a.schools), a.students, a.teachers, a.classes, a.summary, a.createdAt, a.createdBy,
                a.withdrawnAt, a.withdrawalReason, a.version);
    }
}
