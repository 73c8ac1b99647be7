package org.xietong.healthcare.expert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.xietong.contracts.healthcare.OutreachScheduleChanged;
import org.xietong.healthcare.consortium.InstitutionAccess;
import org.xietong.healthcare.institution.Institution;
import org.xietong.platform.api.Page;
import org.xietong.platform.persistence.Pages;
import org.xietong.platform.audit.Audit;
import org.xietong.platform.conventions.Versions;
import org.xietong.platform.events.Outbox;
import org.xietong.platform.problem.ProblemException;
import org.xietong.platform.security.Caller;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Experts and their outreach schedules. An expert is registered for their home institution; a schedule is set up
 * by an officer covering the host, and is refused (409) when any of its half-days is already taken by the expert
 * anywhere else. A schedule of an expert whose home region the officer does not cover waits (PENDING, no sessions)
 * until a health officer of the expert's region accepts it.
 */
@ApplicationScoped
public class ExpertService {

    private static final int SHOWN_CONFLICTS = 5;
    private static final int SHOWN_SESSIONS = 5;
    /** The longest a schedule may run: its end date is at most this long after its start date. */
    static final Period MAX_SPAN = Period.ofYears(1);

    private final ExpertRepository experts;
    private final ScheduleRepository schedules;
    private final SessionRepository sessions;
    private final InstitutionAccess access;
    private final ClinicCalendar calendar;
    private final Caller caller;
    private final Audit audit;
    private final Outbox outbox;

    public ExpertService(ExpertRepository experts, ScheduleRepository schedules, SessionRepository sessions, InstitutionAccess access,
                         ClinicCalendar calendar, Caller caller, Audit audit, Outbox outbox) {
        this.experts = experts;
        this.schedules = schedules;
        this.sessions = sessions;
        this.access = access;
        this.calendar = calendar;
        this.caller = caller;
        this.audit = audit;
        this.outbox = outbox;
    }

    public Page<ExpertView> search(String specialty, int page, int size) {
        return Pages.of(experts.search(caller.scope(), specialty), page, size, ExpertView::of);
    }

    public ExpertView get(long id) {
        Expert expert = experts.findById(id);
        caller.scope().requireReadable(expert != null && visible(expert), "expert " + id);
        return ExpertView.of(expert);
    }

    @Transactional
    public ExpertView register(ExpertRequest request) {
        Institution home = access.require(request.homeInstitutionCode(), "homeInstitutionCode");
        caller.scope().requireWritable(access.actsFor(home.regionCode, home.code), "institution " + home.code);
        Expert expert = new Expert();
        expert.name = request.name().strip();
        expert.title = request.title().strip();
        expert.specialty = request.specialty().strip();
        expert.homeInstitutionCode = home.code;
        expert.homeRegion = home.regionCode;
        experts.persistAndFlush(expert);
        audit.record(caller.actor(), "expert.registered", "expert", String.valueOf(expert.id), List.of(home.regionCode),
                Map.of("name", expert.name, "specialty", expert.specialty, "home", home.code));
        return ExpertView.of(expert);
    }

    public Page<ScheduleView> schedules(Long expertId, String host, int page, int size) {
        return Pages.of(schedules.search(caller.scope(), expertId, host), page, size, this::view);
    }

    public ScheduleView schedule(long id) {
        return view(readableSchedule(id));
    }

    public Page<SessionView> sessions(long scheduleId, LocalDate from, LocalDate to, int page, int size) {
        OutreachSchedule schedule = readableSchedule(scheduleId);
        LocalDate start = from != null ? from : schedule.startDate;
        LocalDate end = to != null ? to : schedule.endDate;
        return Pages.of(sessions.ofSchedule(scheduleId, start, end), page, size, SessionView::of);
    }

    @Transactional
    public ScheduleView createSchedule(ScheduleRequest request) {
        Institution host = access.require(request.hostInstitutionCode(), "hostInstitutionCode");
        caller.scope().requireWritable(access.officerFor(host.regionCode), "host institution " + host.code);
        Expert expert = experts.lock(request.expertId());
        if (expert == null) {
            throw ProblemException.unprocessable("unknown-expert", "Unknown expert",
                    "Expert " + request.expertId() + " is not registered");
        }
        LocalDate today = calendar.today();
        Recurrence rule = boundedRule(request);
        if (!rule.datesOutsideRange().isEmpty()) {
            throw invalid("dates-outside-range", "Dates outside " + rule.start() + " … " + rule.end() + ": "
                    + rule.datesOutsideRange());
        }
        List<SessionKey> proposed = rule.sessions(request.slot());
        if (proposed.isEmpty()) {
            throw invalid("no-sessions", "The recurrence yields no clinic between " + rule.start() + " and " + rule.end());
        }
        if (proposed.get(0).date().isBefore(today)) {
            throw invalid("session-in-the-past", "The first clinic (" + proposed.get(0) + ") lies in the past; "
                    + "start on or after " + today);
        }
        requireFree(expert, proposed);
        OutreachSchedule schedule = new OutreachSchedule();
        schedule.expertId = expert.id;
        schedule.hostInstitutionCode = host.code;
        schedule.hostRegion = host.regionCode;
        schedule.recurrence = rule.kind();
        schedule.weekday = rule.kind() == RecurrenceKind.WEEKLY ? rule.weekday() : null;
        schedule.intervalDays = rule.kind() == RecurrenceKind.EVERY_N_DAYS ? rule.intervalDays() : null;
        schedule.dates = rule.kind() == RecurrenceKind.DATES ? rule.expand().toArray(LocalDate[]::new) : null;
        schedule.slot = request.slot();
        schedule.capacity = request.capacity();
        schedule.startDate = rule.start();
        schedule.endDate = rule.end();
        // Booking an expert of a region the caller does not answer for waits for that region's consent.
        boolean consented = access.officerFor(expert.homeRegion);
        schedule.status = consented ? ScheduleStatus.ACTIVE : ScheduleStatus.PENDING;
        schedule.requestedBy = caller.username();
        schedules.persistAndFlush(schedule);
        if (consented) {
            materialise(schedule, proposed);
        }
        publish(consented ? OutreachScheduleChanged.ACTIVATED : OutreachScheduleChanged.REQUESTED, schedule, expert);
        audit.record(caller.actor(), consented ? "outreach-schedule.created" : "outreach-schedule.requested",
                "outreach-schedule", String.valueOf(schedule.id), regions(schedule, expert),
                Map.of("expert", expert.id, "host", host.code, "recurrence", schedule.recurrence,
                        "slot", schedule.slot, "capacity", schedule.capacity, "sessions", proposed.size()));
        return view(schedule);
    }

    /**
     * A health officer of the expert's region accepts a PENDING schedule: its sessions from today on are
     * materialised, unless the expert has been booked elsewhere on one of them meanwhile (409).
     */
    @Transactional
    public ScheduleView acceptSchedule(long id) {
        OutreachSchedule schedule = readableSchedule(id);
        Expert expert = experts.lock(schedule.expertId);
        caller.scope().requireWritable(access.officerFor(expert.homeRegion), "expert " + expert.id);
        requirePending(schedule, "accept");
        LocalDate today = calendar.today();
        List<SessionKey> proposed = schedule.recurrenceRule().sessions(schedule.slot).stream()
                .filter(k -> !k.date().isBefore(today)).toList();
        if (proposed.isEmpty()) {
            throw ProblemException.conflict("schedule-lapsed", "Every clinic of schedule " + id + " lies in the past");
        }
        requireFree(expert, proposed);
        decide(schedule, ScheduleStatus.ACTIVE);
        materialise(schedule, proposed);
        publish(OutreachScheduleChanged.ACTIVATED, schedule, expert);
        audit.record(caller.actor(), "outreach-schedule.accepted", "outreach-schedule", String.valueOf(id),
                regions(schedule, expert), Map.of("expert", expert.id, "host", schedule.hostInstitutionCode,
                        "requestedBy", schedule.requestedBy, "sessions", proposed.size()));
        return view(schedule);
    }

    /** The expert's region declines a PENDING schedule, or the host's region withdraws it. */
    @Transactional
    public ScheduleView declineSchedule(long id) {
        OutreachSchedule schedule = readableSchedule(id);
        Expert expert = experts.findById(schedule.expertId);
        caller.scope().requireWritable(access.officerFor(expert.homeRegion) || access.officerFor(schedule.hostRegion),
                "outreach schedule " + id);
        requirePending(schedule, "decline");
        decide(schedule, ScheduleStatus.DECLINED);
        publish(OutreachScheduleChanged.DECLINED, schedule, expert);
        audit.record(caller.actor(), "outreach-schedule.declined", "outreach-schedule", String.valueOf(id),
                regions(schedule, expert), Map.of("expert", expert.id, "host", schedule.hostInstitutionCode));
        return view(schedule);
    }

    /**
     * A schedule the caller may cancel: a health officer of the host's or the expert's region, with its current
     * version in If-Match, while it is PENDING or ACTIVE. Its sessions are the booking side's to cancel.
     */
    OutreachSchedule cancellable(long id, String ifMatch) {
        OutreachSchedule schedule = readableSchedule(id);
        Expert expert = experts.findById(schedule.expertId);
        caller.scope().requireWritable(access.officerFor(expert.homeRegion) || access.officerFor(schedule.hostRegion),
                "outreach schedule " + id);
        if (schedule.status != ScheduleStatus.PENDING && schedule.status != ScheduleStatus.ACTIVE) {
            throw ProblemException.conflict("schedule-ended", "Cannot cancel outreach schedule " + id + ": it is "
                    + schedule.status);
        }
        Versions.requireMatch(ifMatch, schedule.version);
        return schedule;
    }

    /** Marks a schedule whose coming sessions were cancelled, audited with the reason. */
    ScheduleView cancelled(OutreachSchedule schedule, String reason, int sessionsCancelled) {
        Expert expert = experts.findById(schedule.expertId);
        schedule.status = ScheduleStatus.CANCELLED;
        schedule.cancelledBy = caller.username();
        schedule.cancelledAt = Instant.now();
        schedule.cancelReason = reason;
        schedules.flush();
        publish(OutreachScheduleChanged.CANCELLED, schedule, expert);
        audit.record(caller.actor(), "outreach-schedule.cancelled", "outreach-schedule", String.valueOf(schedule.id),
                regions(schedule, expert), Map.of("reason", reason, "sessionsCancelled", sessionsCancelled));
        return view(schedule);
    }

    /** Checked after the caller's right to decide, so that a caller without it learns nothing from a 409. */
    private static void requirePending(OutreachSchedule schedule, String action) {
        if (schedule.status != ScheduleStatus.PENDING) {
            throw ProblemException.conflict("schedule-decided", "Cannot " + action + " outreach schedule "
                    + schedule.id + ": it is " + schedule.status);
        }
    }

    private void decide(OutreachSchedule schedule, ScheduleStatus status) {
        schedule.status = status;
        schedule.decidedBy = caller.username();
        schedule.decidedAt = Instant.now();
        schedules.flush();
    }

    private void requireFree(Expert expert, List<SessionKey> proposed) {
        List<SessionKey> taken = sessions.ofExpertOn(expert.id, proposed.stream().map(SessionKey::date).toList())
                .stream().map(ClinicSession::key).toList();
        List<SessionKey> conflicts = SessionKey.conflicts(taken, proposed);
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict("expert-double-booked", expert.name + " is already booked on "
                    + conflicts.size() + " of these half-days, e.g. " + conflicts.stream().limit(SHOWN_CONFLICTS)
                    .map(SessionKey::toString).collect(Collectors.joining(", ")));
        }
    }

    private void materialise(OutreachSchedule schedule, List<SessionKey> keys) {
        for (SessionKey key : keys) {
            ClinicSession session = new ClinicSession();
            session.scheduleId = schedule.id;
            session.expertId = schedule.expertId;
            session.hostInstitutionCode = schedule.hostInstitutionCode;
            session.hostRegion = schedule.hostRegion;
            session.sessionDate = key.date();
            session.slot = key.slot();
            session.capacity = schedule.capacity;
            sessions.persist(session);
        }
        sessions.flush();
    }

    /** The host's and the expert's regions are told; the reason stays in the schedule. */
    private void publish(String type, OutreachSchedule schedule, Expert expert) {
        outbox.record(type, String.valueOf(schedule.id), regions(schedule, expert), new OutreachScheduleChanged(
                schedule.id, expert.id, expert.homeRegion, schedule.hostInstitutionCode, schedule.hostRegion,
                schedule.recurrence.name(), schedule.slot.name(), schedule.capacity, schedule.startDate,
                schedule.endDate, schedule.status.name(), Instant.now()));
    }

    private static List<String> regions(OutreachSchedule schedule, Expert expert) {
        return List.of(schedule.hostRegion, expert.homeRegion).stream().distinct().toList();
    }

    /**
     * The schedule's rule once its range is known to be bounded: an explicit start date and an end at most
     * {@link #MAX_SPAN} after it, so the sessions one request materialises are bounded too.
     */
    static Recurrence boundedRule(ScheduleRequest request) {
        if (request.startDate() == null) {
            throw invalid("start-date-required", "startDate is required: a schedule names the day it starts");
        }
        LocalDate latestEnd = request.startDate().plus(MAX_SPAN);
        if (request.endDate() != null && request.endDate().isAfter(latestEnd)) {
            throw invalid("schedule-too-long", "endDate " + request.endDate() + " is more than one year after startDate "
                    + request.startDate() + "; a schedule ends on " + latestEnd + " at the latest");
        }
        List<LocalDate> dates = request.dates() == null ? List.of() : request.dates();
        List<LocalDate> outside = dates.stream()
                .filter(d -> d.isBefore(request.startDate()) || d.isAfter(latestEnd)).sorted().distinct().toList();
        if (request.endDate() == null && !outside.isEmpty()) {
            throw invalid("dates-outside-range", "Dates outside " + request.startDate() + " … " + latestEnd
                    + " (startDate and at most one year after it): " + outside);
        }
        return request.rule();
    }

    private OutreachSchedule readableSchedule(long id) {
        OutreachSchedule schedule = schedules.findById(id);
        caller.scope().requireReadable(schedule != null && visible(schedule), "outreach schedule " + id);
        return schedule;
    }

    /** The host sees its clinics; the expert's home region sees where its expert goes. */
    boolean visible(OutreachSchedule schedule) {
        return visibleAt(schedule.hostRegion, schedule.hostInstitutionCode, schedule.expertId);
    }

    /** The host's region and the expert's home region: both follow a session. */
    List<String> regions(ClinicSession session) {
        Expert expert = experts.findById(session.expertId);
        return List.of(session.hostRegion, expert.homeRegion).stream().distinct().toList();
    }

    boolean visible(ClinicSession session) {
        return visibleAt(session.hostRegion, session.hostInstitutionCode, session.expertId);
    }

    private boolean visibleAt(String hostRegion, String hostCode, long expertId) {
        if (access.sees(hostRegion, hostCode)) {
            return true;
        }
        Expert expert = experts.findById(expertId);
        return access.sees(expert.homeRegion, expert.homeInstitutionCode);
    }

    private boolean visible(Expert expert) {
        return access.sees(expert.homeRegion, expert.homeInstitutionCode) || experts.visitsScope(expert.id, caller.scope());
    }

    private ScheduleView view(OutreachSchedule s) {
        List<SessionView> next = sessions.ofSchedule(s.id, calendar.today(), s.endDate).page(0, SHOWN_SESSIONS).list()
                .stream().map(SessionView::of).toList();
        long total = sessions.count("scheduleId", s.id);
        return new ScheduleView(s.id, s.expertId, s.hostInstitutionCode, s.hostRegion, s.recurrence, s.weekday,
                s.intervalDays, s.dates == null ? null : List.of(s.dates), s.slot, s.capacity, s.startDate, s.endDate,
                s.status, s.requestedBy, s.decidedBy, s.decidedAt, s.cancelledAt, s.cancelReason, total, next, s.version);
    }

    private static ProblemException invalid(String slug, String detail) {
        return ProblemException.unprocessable(slug, "Invalid schedule", detail);
    }
}
