package org.xietong.healthcare.consultation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xietong.healthcare.consultation.ConsultationStatus.ACCEPTED;
import static org.xietong.healthcare.consultation.ConsultationStatus.CANCELLED;
import static org.xietong.healthcare.consultation.ConsultationStatus.COMPLETED;
import static org.xietong.healthcare.consultation.ConsultationStatus.DECLINED;
import static org.xietong.healthcare.consultation.ConsultationStatus.REQUESTED;
import static org.xietong.healthcare.consultation.ConsultationStatus.SCHEDULED;

class ConsultationStatusTest {

    @Test
    void theHappyPathGoesForwardOneStepAtATime() {
        assertTrue(REQUESTED.canMoveTo(ACCEPTED));
        assertTrue(ACCEPTED.canMoveTo(SCHEDULED));
        assertTrue(SCHEDULED.canMoveTo(COMPLETED));
        assertFalse(REQUESTED.canMoveTo(SCHEDULED));
        assertFalse(REQUESTED.canMoveTo(COMPLETED));
        assertFalse(ACCEPTED.canMoveTo(ACCEPTED));
        assertFalse(SCHEDULED.canMoveTo(ACCEPTED));
    }

    @Test
    void declineIsPossibleUntilScheduledAndClosedStatesAreFinal() {
        assertTrue(REQUESTED.canMoveTo(DECLINED));
        assertTrue(ACCEPTED.canMoveTo(DECLINED));
        assertFalse(SCHEDULED.canMoveTo(DECLINED));
        for (ConsultationStatus closed : EnumSet.of(COMPLETED, DECLINED, CANCELLED)) {
            assertTrue(closed.next().isEmpty());
            assertFalse(closed.isOpen());
        }
    }

    @Test
    void theRequesterMayCancelUntilTheConsultationIsCompleted() {
        assertTrue(REQUESTED.canMoveTo(CANCELLED));
        assertTrue(ACCEPTED.canMoveTo(CANCELLED));
        assertTrue(SCHEDULED.canMoveTo(CANCELLED));
        assertFalse(COMPLETED.canMoveTo(CANCELLED));
    }

    @Test
    void slasAreTwoHoursForUrgentAndTwoDaysForRoutine() {
        assertEquals(Duration.ofHours(2), Urgency.URGENT.sla());
        assertEquals(Duration.ofHours(48), Urgency.ROUTINE.sla());
    }

    @Test
    void onlyOpenConsultationsPastTheirDeadlineAreOverdue() {
        Instant requested = Instant.parse("2026-03-01T08:00:00Z");
        Consultation c = new Consultation();
        c.status = ACCEPTED;
        c.deadline = requested.plus(Urgency.URGENT.sla());
        assertFalse(c.overdueAt(requested.plus(Duration.ofMinutes(119))));
        assertTrue(c.overdueAt(requested.plus(Duration.ofMinutes(121))));
        c.status = COMPLETED;
        assertFalse(c.overdueAt(requested.plus(Duration.ofDays(3))));
    }
}
