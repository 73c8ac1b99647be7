package org.xietong.healthcare.expert;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, Long> {

    List<Appointment> ofSession(long sessionId) {
        return list("sessionId", Sort.by("id"), sessionId);
    }

    boolean booked(long sessionId, String patientRef) {
        return count("sessionId = ?1 and patientRef = ?2 and status = ?3", sessionId, patientRef,
                Appointment.Status.BOOKED) > 0;
    }

    /** Cancels only a booked appointment, so two concurrent cancellations free one seat, not two. */
    boolean cancel(long id) {
        return update("status = ?1, cancelledAt = instant where id = ?2 and status = ?3", Appointment.Status.CANCELLED, id,
                Appointment.Status.BOOKED) == 1;
    }

    /** Cancels every booked appointment of a cancelled session; the ids of those it cancelled. */
    List<Long> cancelAll(long sessionId) {
        List<Long> booked = getEntityManager().createQuery("select id from Appointment where sessionId = ?1 "
                        + "and status = ?2 order by id", Long.class)
                .setParameter(1, sessionId).setParameter(2, Appointment.Status.BOOKED).getResultList();
        update("status = ?1, cancelledAt = instant where sessionId = ?2 and status = ?3", Appointment.Status.CANCELLED,
                sessionId, Appointment.Status.BOOKED);
        return booked;
    }
}
