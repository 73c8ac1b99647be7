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

    /** The expert's open sessions on any of these dates, wherever they are held. */
    List<ClinicSession> ofExpertOn(long expertId, Collection<LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        return list("expertId = ?1 and sessionDate in ?2 and status = ?3", Sort.by("sessionDate").and("slot"), expertId,
                List.copyOf(dates), SessionStatus.OPEN);
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
        return update("booked = booked + 1 where id = ?1 and booked < capacity and status = ?2", sessionId,
                SessionStatus.OPEN) == 1;
    }

    void freeSeat(long sessionId) {
        update("booked = booked - 1 where id = ?1 and booked > 0", sessionId);
    }

    /** The session as stored now, after a conditional update bypassed the persistence context. */
    ClinicSession reload(long sessionId) {
        ClinicSession session = findById(sessionId);
        getEntityManager().refresh(session);
        return session;
    }
}
