package org.xietong.healthcare.expert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.xietong.healthcare.consortium.InstitutionAccess;
import org.xietong.contracts.healthcare.AppointmentChanged;
import org.xietong.contracts.healthcare.ClinicSessionCancelled;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Appointments in clinic sessions, booked by the host's staff or an officer covering it. Seats are taken and
 * freed by conditional updates of the session row, so concurrent bookings never exceed capacity.
 */
@ApplicationScoped
public class BookingService {

    private final SessionRepository sessions;
    private final ExpertService schedules;
    private final AppointmentRepository appointments;
    private final InstitutionAccess access;
    private final ClinicCalendar calendar;
    private final Caller caller;
    private final Audit audit;
    private final Outbox outbox;

    public BookingService(SessionRepository sessions, ExpertService schedules, AppointmentRepository appointments, InstitutionAccess access,
                          ClinicCalendar calendar, Caller caller, Audit audit, Outbox outbox) {
        this.outbox = outbox;
        this.sessions = sessions;
        this.schedules = schedules;
        this.appointments = appointments;
        this.access = access;
        this.calendar = calendar;
        this.caller = caller;
        this.audit = audit;
    }

    public SessionView session(long id) {
        return SessionView.of(readable(id));
    }

    public List<AppointmentView> appointments(long sessionId) {
        ClinicSession session = readable(sessionId);
        caller.scope().requireReadable(access.actsFor(session.hostRegion, session.hostInstitutionCode),
                "clinic session " + sessionId);
        return appointments.ofSession(sessionId).stream().map(AppointmentView::of).toList();
    }

    public AppointmentView appointment(long appointmentId) {
        Appointment appointment = appointments.findById(appointmentId);
        ClinicSession session = appointment == null ? null : sessions.findById(appointment.sessionId);
        caller.scope().requireReadable(session != null
                && access.actsFor(session.hostRegion, session.hostInstitutionCode), "appointment " + appointmentId);
        return AppointmentView.of(appointment);
    }

    @Transactional
    public AppointmentView book(long sessionId, AppointmentRequest request) {
        ClinicSession session = readable(sessionId);
        caller.scope().requireWritable(access.actsFor(session.hostRegion, session.hostInstitutionCode),
                "clinic session " + sessionId + " (only the host books)");
        if (session.sessionDate.isBefore(calendar.today())) {
            throw ProblemException.unprocessable("session-in-the-past", "Session in the past",
                    "Session " + sessionId + " was on " + session.sessionDate + "; book a coming one");
        }
        if (session.status == SessionStatus.CANCELLED) {
            throw ProblemException.conflict("session-cancelled", "Session " + sessionId + " was cancelled: "
                    + session.cancelReason);
        }
        if (appointments.booked(sessionId, request.patientRef())) {
            throw ProblemException.conflict("already-booked", "This patient already holds a seat in session " + sessionId);
        }
        if (!sessions.takeSeat(sessionId)) {
            ClinicSession now = sessions.reload(sessionId);
            if (now.status == SessionStatus.CANCELLED) {
                throw ProblemException.conflict("session-cancelled", "Session " + sessionId + " was cancelled: "
                        + now.cancelReason);
            }
            throw ProblemException.conflict("session-full", "Session " + sessionId + " is full ("
                    + session.capacity + " seats)");
        }
        Appointment appointment = new Appointment();
        appointment.sessionId = sessionId;
        appointment.patientRef = request.patientRef();
        appointment.status = Appointment.Status.BOOKED;
        appointment.bookedBy = caller.username();
        appointments.persistAndFlush(appointment);
        publish(AppointmentChanged.BOOKED, appointment, sessions.reload(sessionId));
        audit.record(caller.actor(), "appointment.booked", "appointment", String.valueOf(appointment.id),
                List.of(session.hostRegion), Map.of("session", sessionId, "date", session.sessionDate.toString(),
                        "slot", session.slot));
        return AppointmentView.of(appointment);
    }

    @Transactional
    public AppointmentView cancel(long appointmentId) {
        Appointment appointment = appointments.findById(appointmentId);
        ClinicSession session = appointment == null ? null : sessions.findById(appointment.sessionId);
        caller.scope().requireReadable(session != null && schedules.visible(session), "appointment " + appointmentId);
        caller.scope().requireWritable(access.actsFor(session.hostRegion, session.hostInstitutionCode),
                "appointment " + appointmentId);
        if (!appointments.cancel(appointmentId)) {
            throw ProblemException.conflict("appointment-cancelled", "Appointment " + appointmentId + " is already cancelled");
        }
        sessions.freeSeat(session.id);
        appointments.getEntityManager().refresh(appointment);
        publish(AppointmentChanged.CANCELLED, appointment, sessions.reload(session.id));
        audit.record(caller.actor(), "appointment.cancelled", "appointment", String.valueOf(appointmentId),
                List.of(session.hostRegion), Map.of("session", session.id));
        return AppointmentView.of(appointment);
    }

    /** Who is booked is the host's: the event goes to the host's region, without the patient. */
    private void publish(String type, Appointment appointment, ClinicSession session) {
        outbox.record(type, String.valueOf(session.id), List.of(session.hostRegion), new AppointmentChanged(
                appointment.id, session.id, session.scheduleId, session.expertId, session.hostInstitutionCode,
                session.hostRegion, session.sessionDate, session.slot.name(), appointment.status.name(), session.booked,
                session.capacity, Instant.now()));
    }

    /**
     * The host cancels a coming session with the reason: its booked appointments are cancelled with it and the
     * expert's half-day is free again. Published as org.xietong.healthcare.clinic-session.cancelled.v1 naming the
     * cancelled appointments, so the host's booking system tells each booked patient.
     */
    @Transactional
    public SessionView cancelSession(long sessionId, String reason, String ifMatch) {
        ClinicSession session = readable(sessionId);
        caller.scope().requireWritable(access.actsFor(session.hostRegion, session.hostInstitutionCode),
                "clinic session " + sessionId + " (only the host cancels it)");
        if (session.status == SessionStatus.CANCELLED) {
            throw ProblemException.conflict("session-cancelled", "Session " + sessionId + " is already cancelled");
        }
        if (session.sessionDate.isBefore(calendar.today())) {
            throw ProblemException.conflict("session-in-the-past", "Session " + sessionId + " was on "
                    + session.sessionDate + "; only a coming session can be cancelled");
        }
        Versions.requireMatch(ifMatch, session.version);
        cancel(session, reason);
        return SessionView.of(session);
    }

    /**
     * Cancels a whole schedule with the reason (the expert falls ill, the host closes the clinic), by a health officer
     * of the host's or the expert's region: each coming session is cancelled as {@link #cancelSession} does, its
     * booked patients told by its event; past sessions stay as they were.
     */
    @Transactional
    public ScheduleView cancelSchedule(long scheduleId, String reason, String ifMatch) {
        OutreachSchedule schedule = schedules.cancellable(scheduleId, ifMatch);
        List<ClinicSession> coming = sessions.list("scheduleId = ?1 and sessionDate >= ?2 and status <> ?3",
                scheduleId, calendar.today(), SessionStatus.CANCELLED);
        coming.forEach(session -> cancel(session, reason));
        return schedules.cancelled(schedule, reason, coming.size());
    }

    /**
     * Cancels a coming session and its appointments, frees the expert's half-day, and publishes it. The session's row
     * is locked first: a booking holds it from taking its seat until it commits, so every booked patient is seen here
     * (and told by the event), and no booking lands in the session once it is cancelled.
     */
    private void cancel(ClinicSession session, String reason) {
        sessions.getEntityManager().refresh(session, LockModeType.PESSIMISTIC_WRITE);
        if (session.status == SessionStatus.CANCELLED) {
            throw ProblemException.conflict("session-cancelled", "Session " + session.id + " is already cancelled");
        }
        List<Long> cancelled = appointments.cancelAll(session.id);
        session.status = SessionStatus.CANCELLED;
        session.cancelReason = reason;
        session.booked = 0;
        sessions.flush();
        List<String> regions = schedules.regions(session);
        Instant now = Instant.now();
        outbox.record(ClinicSessionCancelled.TYPE, String.valueOf(session.id), regions, new ClinicSessionCancelled(
                session.id, session.scheduleId, session.expertId, session.hostInstitutionCode, session.hostRegion,
                session.sessionDate, session.slot.name(), cancelled, now));
        audit.record(caller.actor(), "clinic-session.cancelled", "clinic-session", String.valueOf(session.id), regions,
                Map.of("reason", reason, "appointmentsCancelled", cancelled.size()));
    }

    /** A session is visible where its schedule is: at the host and in the expert's home region. */
    private ClinicSession readable(long id) {
        ClinicSession session = sessions.findById(id);
        caller.scope().requireReadable(session != null && schedules.visible(session), "clinic session " + id);
        return session;
    }
}
