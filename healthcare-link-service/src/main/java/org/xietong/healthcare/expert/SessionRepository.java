package org.xietong.healthcare.expert;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<ClinicSession, Long> {

    /** The expert's sessions on any of these dates, wherever they are held. */
    List<ClinicSession> ofExpertOn(long expertId, Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        return list("expertId = ?1 and sessionDate in ?2", Sort.by("sessionDate").and("slot"), expertId, List.copyOf(dates));
    }

    PanacheQuery<ClinicSession> ofSchedule(long scheduleId, LocalDate from, LocalDate to) {
        return find("scheduleId = ?1 and sessionDate between ?2 and ?3", Sort.by("sessionDate").and("slot"),
                scheduleId, from, to);
    }

    /**
     * Takes a seat if one is free, in one statement: concurrent bookings queue on the row and each sees the
     * count the previous one left, so the session never goes over capacity.
     */
    boolean takeSeat(long sessionId) {
        return getEntityManager().createNativeQuery(
                        "UPDATE clinic_session SET booked = booked + 1 WHERE id = ?1 AND booked < capacity")
                .setParameter(1, sessionId).executeUpdate() == 1;
    }

    void freeSeat(long sessionId) {
        getEntityManager().createNativeQuery("UPDATE clinic_session SET booked = booked - 1 WHERE id = ?1 AND booked > 0")
                .setParameter(1, sessionId).executeUpdate();
    }

    /** The session as stored now, after a conditional update bypassed the persistence context. */
    ClinicSession reload(long sessionId) {
        ClinicSession session = findById(sessionId);
        getEntityManager().refresh(session);
        return session;
    }
}
