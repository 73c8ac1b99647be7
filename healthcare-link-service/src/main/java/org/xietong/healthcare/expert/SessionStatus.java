package org.xietong.healthcare.expert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A clinic session is OPEN for bookings until its host cancels it. */
@Schema(name = "ClinicSessionStatus")
public enum SessionStatus {
    OPEN, CANCELLED
}
