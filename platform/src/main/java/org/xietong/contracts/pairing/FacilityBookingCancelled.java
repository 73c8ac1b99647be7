package org.xietong.contracts.pairing;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A booking of a shared facility's slot was cancelled, with the reason (type {@value #TYPE}); its places are free
 * again. Published to the owner's and the booking school's regions. Key and subject: the facility id.
 */
public record FacilityBookingCancelled(String id, String facilityId, String slotId, String ownerSchool, String school,
                                       int places, OffsetDateTime startsAt, String reason, Instant cancelledAt) {

    public static final String TYPE = "org.xietong.pairing.facility-booking.cancelled.v1";
}
