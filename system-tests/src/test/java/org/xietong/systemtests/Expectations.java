package org.xietong.systemtests;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What each cell of the authorisation matrix expects, in one place. In order: the purpose the operation should serve
 * ({@link OperationPurposes}, written here as the rules should be, not read from the code) and whether the access
 * model ({@link org.xietong.platform.security.Purpose}) gives it to the caller: without it the gateway refuses (403)
 * and so does the service when called straight; then the object-level scope: a caller sees and changes what its
 * region claim covers, narrowed by a school or institution claim ({@link MatrixPlace}); reading one object outside
 * that is 404, changing it 403 (or 404 when the caller may not even see it); a list shows exactly the objects the
 * caller may read. A cross-region object (a pairing, a consortium) is within scope when any of its sides is.
 * <p>
 * The services' deliberate departures from that rule are {@link #EXCEPTIONS}, each with the reason it exists.
 */
final class Expectations {

    /** An expected outcome and why. */
    record Expected(MatrixOutcome outcome, String reason) {
    }

    @FunctionalInterface
    interface Judge {
        /** The outcome this exception sets for the cell, or null where it has no say. */
        MatrixOutcome judge(MatrixOperation op, MatrixCaller caller, MatrixTarget target);
    }

    /** A departure from the general scope rule for the operations matching {@code operations}. */
    record Rule(Pattern operations, String reason, Judge judge) {
        static Rule of(String operations, String reason, Judge judge) {
            return new Rule(Pattern.compile(operations), reason, judge);
        }
    }

    static final String EDU = "education-officer";
    static final String HEALTH = "health-officer";
    static final String INSURER = "insurance-officer";
    static final String STAFF = "institution-staff";
    static final String SCHOOL_ADMIN = "school-admin";
    static final String TEACHER = "teacher";
    static final String PARTNER = "partner-system";

    static final List<Rule> EXCEPTIONS = List.of(
            Rule.of("GET /api/v1/[a-z]+/exchange/subscriptions|.* /api/v1/[a-z]+/exchange/subscriptions/\\{id}.*",
                    "a push subscription is its owner's alone (the matrix's are the admin's): another caller, of "
                            + "whatever region, is not told it exists",
                    (op, c, t) -> c.admin() ? MatrixOutcome.ALLOWED
                            : op.read() ? MatrixOutcome.HIDDEN : MatrixOutcome.DENIED_OR_HIDDEN),
            Rule.of("GET /api/v1/(rotation/policies|healthcare/(ltc/benefits|catalogs|settlement-policies))/.*",
                    "a region's published rules (rotation policy, LTC benefits, catalogue, settlement policy) are "
                            + "public to every caller the route table lets read the area; they name no person",
                    (op, c, t) -> MatrixOutcome.PUBLIC),
            Rule.of("POST /api/v1/pairing/resources/\\{id}/slots/\\{slot}/bookings",
                    "a slot is booked for a partner school by whoever acts for that school, not for the owner "
                            + "(the matrix books for the owner's paired school)",
                    (op, c, t) -> changeable(MatrixPlace.school(t.params().get("bookerRegion"),
                            t.params().get("booker")).seenBy(c))),
            Rule.of("POST /api/v1/pairing/resources/\\{id}/slots/\\{slot}/bookings/\\{booking}/cancel",
                    "a booking is cancelled by whoever acts for the booking school or for the facility's owner; "
                            + "anyone else is not told it exists",
                    (op, c, t) -> changeable(t.seenBy(c) || MatrixPlace.school(t.params().get("bookerRegion"),
                            t.params().get("booker")).seenBy(c))),
            Rule.of("GET /api/v1/rotation/posts/\\{id}",
                    "a dispatched post is an open vacancy: everyone the route table lets read rotation sees it",
                    (op, c, t) -> "DISPATCHED".equals(t.params().get("status")) ? MatrixOutcome.ALLOWED : null),
            Rule.of("POST /api/v1/rotation/posts/\\{id}/(dispatch|withdraw)|POST /api/v1/rotation/posts",
                    "posts are managed by officers of the school's region and that school's admins",
                    (op, c, t) -> changeable(manages(c, t.places().get(0)))),
            Rule.of("POST /api/v1/rotation/teachers/\\{id}/nominations",
                    "a teacher is nominated for a secondment or team-aid place by an education officer of the "
                            + "teacher's region (not a school admin)",
                    (op, c, t) -> changeable(c.admin()
                            || (c.has(EDU) && c.school().isEmpty() && t.places().get(0).inRegionOf(c)))),
            Rule.of("POST /api/v1/rotation/teachers/\\{id}/dossier/\\{entry}/withdraw",
                    "an entry the school wrote (the matrix's are) is withdrawn by the school's officers and admins, "
                            + "not by the teacher",
                    (op, c, t) -> changeable(manages(c, t.places().get(0)) && !self(c, t))),
            Rule.of("GET /api/v1/rotation/teachers|.* /api/v1/rotation/teachers/\\{id}(/dossier|/preferences)?",
                    "a teacher sees only their own record and never manages it; officers and the school's admins "
                            + "manage the school's teachers; a teacher adds to their own dossier and preferences",
                    (op, c, t) -> {
                        boolean self = self(c, t);
                        boolean manages = manages(c, t.places().get(0));
                        if (op.read()) {
                            return visible(op, self || manages);
                        }
                        return op.method().equals("PUT") && !op.template().endsWith("preferences")
                                ? changeable(manages && !self) : changeable(self || manages);
                    }),
            Rule.of("POST /api/v1/rotation/teachers",
                    "teachers are added by officers of the school's region and that school's admins",
                    (op, c, t) -> changeable(manages(c, t.places().get(0)))),
            Rule.of("GET /api/v1/rotation/assignments|.* /api/v1/rotation/assignments/\\{id}.*",
                    "an assignment is the sending and receiving schools' and the teacher's: the teacher or the "
                            + "sending side accepts or declines, officers of either region reject, confirm, end early "
                            + "or extend, the "
                            + "receiving school starts, completes and evaluates",
                    (op, c, t) -> {
                        MatrixPlace from = t.places().get(0);
                        MatrixPlace to = t.places().get(1);
                        boolean reads = self(c, t) || manages(c, from) || manages(c, to);
                        if (op.read()) {
                            return visible(op, reads);
                        }
                        boolean officer = (c.admin() || c.has(EDU)) && c.school().isEmpty();
                        String action = op.template().substring(op.template().lastIndexOf('/') + 1);
                        boolean allowed = switch (action) {
                            case "accept", "decline" -> self(c, t) || manages(c, from);
                            case "reject", "confirm", "termination", "extension" ->
                                    officer && (from.inRegionOf(c) || to.inRegionOf(c));
                            default -> manages(c, to);
                        };
                        return allowed ? MatrixOutcome.ALLOWED : reads ? MatrixOutcome.DENIED : MatrixOutcome.HIDDEN;
                    }),
            Rule.of("GET /api/v1/rotation/shadowing-places|POST /api/v1/rotation/shadowing-places/\\{id}/.*",
                    "a shadowing place is answered for the teacher by the sending region's authority (officers not "
                            + "bound to a school, its partner system); anyone else is not told it exists",
                    (op, c, t) -> c.admin() || (c.school().isEmpty() && t.places().get(0).inRegionOf(c))
                            ? MatrixOutcome.ALLOWED : MatrixOutcome.HIDDEN),
            Rule.of("GET /api/v1/rotation/matching-runs/\\{id}",
                    "a matching run is for the education officers of its region",
                    (op, c, t) -> visible(op, (c.admin() || c.has(EDU)) && t.places().get(0).inRegionOf(c))),
            Rule.of("POST /api/v1/pairing/pairings/\\{id}/approvals",
                    "each side approves for itself (the matrix sends side SUPPORTING)",
                    (op, c, t) -> t.seenBy(c) ? changeable(t.places().get(0).seenBy(c)) : MatrixOutcome.HIDDEN),
            Rule.of("(POST|PUT|DELETE) /api/v1/pairing/alliances/\\{id}/.*",
                    "an alliance is managed by the lead school's region; its members only see it",
                    (op, c, t) -> t.seenBy(c) ? changeable(t.places().get(0).seenBy(c)) : MatrixOutcome.HIDDEN),
            Rule.of("(POST|PUT) /api/v1/healthcare/consortia/\\{id}/items.*",
                    "a consortium's cooperation items are kept by the health officers of any member's region",
                    (op, c, t) -> t.seenBy(c) ? changeable(t.places().stream().anyMatch(p -> officerFor(c, p)))
                            : MatrixOutcome.HIDDEN),
            Rule.of("POST /api/v1/healthcare/consortium-invitations/\\{id}/accept",
                    "an invitation to a consortium is accepted by a health officer of the invited institution's region",
                    (op, c, t) -> t.seenBy(c) ? changeable(officerFor(c, t.places().get(1))) : MatrixOutcome.HIDDEN),
            Rule.of("POST /api/v1/healthcare/consortium-invitations/\\{id}/decline",
                    "either side's health officer declines (or withdraws) an invitation",
                    (op, c, t) -> t.seenBy(c) ? changeable(t.places().stream().anyMatch(p -> officerFor(c, p)))
                            : MatrixOutcome.HIDDEN),
            Rule.of("POST /api/v1/healthcare/outreach-schedules/\\{id}/accept",
                    "a schedule naming another region's expert is accepted by a health officer of the expert's region",
                    (op, c, t) -> t.seenBy(c) ? changeable(t.places().size() > 1 && officerFor(c, t.places().get(1)))
                            : MatrixOutcome.HIDDEN),
            Rule.of("POST /api/v1/healthcare/outreach-schedules/\\{id}/(decline|cancel)",
                    "the host's or the expert's region declines or cancels a schedule",
                    (op, c, t) -> t.seenBy(c) ? changeable(t.places().stream().anyMatch(p -> officerFor(c, p)))
                            : MatrixOutcome.HIDDEN),
            Rule.of("(POST|PUT|DELETE) /api/v1/healthcare/consortia/\\{id}.*",
                    "a consortium is changed by health officers covering its lead institution (not by staff); "
                            + "other members only see it",
                    (op, c, t) -> t.seenBy(c) ? changeable(officerFor(c, t.places().get(0)))
                            : MatrixOutcome.HIDDEN),
            Rule.of("POST /api/v1/healthcare/consultations/\\{id}/cancel",
                    "only the requesting institution's staff cancel a consultation",
                    (op, c, t) -> t.seenBy(c) ? changeable(staffOf(c, t.places().get(0))) : MatrixOutcome.HIDDEN),
            Rule.of("POST /api/v1/healthcare/consultations/\\{id}/.*",
                    "only the consulted institution's staff act on a consultation; the requester only sees it",
                    (op, c, t) -> t.seenBy(c) ? changeable(staffOf(c, t.places().get(1))) : MatrixOutcome.HIDDEN),
            Rule.of("POST /api/v1/healthcare/consultations",
                    "a consultation is requested by the requesting institution's staff",
                    (op, c, t) -> changeable(staffOf(c, t.places().get(0)))),
            Rule.of("POST /api/v1/healthcare/(consortia|outreach-schedules)",
                    "consortia and outreach schedules are set up by health officers covering the lead or host",
                    (op, c, t) -> changeable(officerFor(c, t.places().get(0)))),
            Rule.of("POST /api/v1/healthcare/experts",
                    "an expert is registered by the home institution's staff or a health officer covering it",
                    (op, c, t) -> changeable(staffOf(c, t.places().get(0)) || officerFor(c, t.places().get(0)))),
            Rule.of("(GET|POST) /api/v1/healthcare/(clinic-sessions/\\{id}/appointments|appointments/\\{id}.*)",
                    "appointments are the host's: its staff or a health officer covering it; the expert's home "
                            + "region sees the session but not who is booked",
                    (op, c, t) -> {
                        boolean acts = staffOf(c, t.places().get(0)) || officerFor(c, t.places().get(0));
                        if (op.read()) {
                            return visible(op, acts);
                        }
                        return acts ? MatrixOutcome.ALLOWED : t.seenBy(c) ? MatrixOutcome.DENIED : MatrixOutcome.HIDDEN;
                    }),
            Rule.of("POST /api/v1/healthcare/clinic-sessions/\\{id}/cancel",
                    "a clinic session is cancelled by its host (staff or a health officer covering it); the expert's "
                            + "home region sees the session but may not cancel it",
                    (op, c, t) -> staffOf(c, t.places().get(0)) || officerFor(c, t.places().get(0)) ? MatrixOutcome.ALLOWED
                            : t.seenBy(c) ? MatrixOutcome.DENIED : MatrixOutcome.HIDDEN),
            Rule.of("GET /api/v1/healthcare/institutions(/\\{code})?",
                    "the institution register (names, levels, capabilities; no patients) is scoped by region "
                            + "alone: staff of one hospital see the other institutions of their county",
                    (op, c, t) -> visible(op, t.places().get(0).inRegionOf(c))),
            Rule.of("GET /api/v1/rotation/(eligibility(/export)?|supply-demand)",
                    "scoped by region alone, so a school admin may ask about its district: eligibility then lists "
                            + "only its own school's teachers, supply and demand are district counts without names",
                    (op, c, t) -> visible(op, t.places().get(0).inRegionOf(c))),
            Rule.of("GET /api/v1/pairing/(coverage|regions/\\{regionCode}/activities)",
                    "coverage and a region's own activities are reports on a region, whose existence is no secret: "
                            + "a region outside the caller's scope (or any, for a school-bound caller) is refused with 403",
                    (op, c, t) -> t.seenBy(c) ? MatrixOutcome.ALLOWED : MatrixOutcome.DENIED),
            Rule.of("POST /api/v1/healthcare/settlements(/quote)?",
                    "insurers and partner systems settle bills of insured people of their region; institution "
                            + "staff only bills of their own institution, which the matrix's bills are not",
                    (op, c, t) -> changeable((c.admin() || c.has(INSURER) || c.has(PARTNER)) && t.seenBy(c))),
            Rule.of("GET /api/v1/healthcare/settlements/\\{id}",
                    "a settlement is read by insurers and partner systems of the insured's home or the treatment "
                            + "region, and by the treating institution's staff",
                    (op, c, t) -> visible(op, settlementReader(c, t))),
            Rule.of("GET /api/v1/healthcare/settlements",
                    "the month's settlements listed are those a caller may read one by one",
                    (op, c, t) -> settlementReader(c, t) ? MatrixOutcome.ALLOWED : MatrixOutcome.HIDDEN),
            Rule.of("POST /api/v1/healthcare/settlements/\\{id}/reversal",
                    "whoever may read a settlement may reverse it (the matrix's If-Match is stale: 412)",
                    (op, c, t) -> settlementReader(c, t) ? MatrixOutcome.ALLOWED : MatrixOutcome.DENIED_OR_HIDDEN),
            Rule.of("GET /api/v1/healthcare/filings(/\\{id})?",
                    "a 备案 is the home insurer's and its partner system's; the treatment side reads the filings "
                            + "covering its area; a person's list holds only the filings the caller may read",
                    (op, c, t) -> op.pathParams().isEmpty() ? MatrixOutcome.ALLOWED
                            : visible(op, filingReader(c, t))),
            Rule.of("POST /api/v1/healthcare/filings(/\\{id}/revocation)?",
                    "only the home side (insurer or partner system of the insured's region) files and revokes",
                    (op, c, t) -> op.pathParams().isEmpty() ? changeable(homeSide(c, t))
                            : filingReader(c, t) ? (homeSide(c, t) ? MatrixOutcome.ALLOWED : MatrixOutcome.DENIED)
                            : MatrixOutcome.DENIED_OR_HIDDEN),
            Rule.of("GET /api/v1/healthcare/chronic-certifications",
                    "a certification names a disease: only the home side lists a person's",
                    (op, c, t) -> homeSide(c, t) ? MatrixOutcome.ALLOWED : MatrixOutcome.DENIED),
            Rule.of("GET /api/v1/healthcare/chronic-certifications/\\{id}",
                    "a certification names a disease: only the home side reads it",
                    (op, c, t) -> visible(op, homeSide(c, t))),
            Rule.of("POST /api/v1/healthcare/chronic-certifications(/\\{id}/revocation)?",
                    "only the home side certifies and revokes",
                    (op, c, t) -> op.pathParams().isEmpty() ? changeable(homeSide(c, t))
                            : homeSide(c, t) ? MatrixOutcome.ALLOWED : MatrixOutcome.DENIED_OR_HIDDEN),
            Rule.of("GET /api/v1/healthcare/fallback/spend",
                    "a region's safety-net spend is a report on the region: outside the caller's scope, 403",
                    (op, c, t) -> t.seenBy(c) ? MatrixOutcome.ALLOWED : MatrixOutcome.DENIED),
            Rule.of("GET /api/v1/healthcare/ltc/requests(/\\{id}(/assessments)?)?",
                    "an assessment centre sees the requests routed to it, wherever the person lives; others see "
                            + "requests of the insured's home region or the residence region",
                    (op, c, t) -> c.institution().isPresent() && !c.admin()
                            ? visible(op, c.institution().get().equals(t.places().get(1).institution()))
                            : visible(op, t.places().stream().anyMatch(p -> p.inRegionOf(c)))),
            Rule.of("POST /api/v1/healthcare/ltc/requests/\\{id}/(result|correction)",
                    "only the assessment centre the request was routed to records and corrects the result",
                    (op, c, t) -> changeable(c.institution().map(i -> i.equals(t.places().get(1).institution()))
                            .orElse(false))),
            Rule.of("POST /api/v1/healthcare/ltc/requests/\\{id}/(decision|reassessment)",
                    "the insurer of the insured's home region decides and asks for a re-assessment",
                    (op, c, t) -> changeable((c.admin() || c.has(INSURER)) && t.places().get(0).inRegionOf(c))));

    /** Insurers and partner systems of the home or treatment region, the treating institution's staff. */
    static boolean settlementReader(MatrixCaller c, MatrixTarget t) {
        return c.admin() || ((c.has(INSURER) || c.has(PARTNER)) && t.places().stream().anyMatch(p -> p.inRegionOf(c)))
                || (c.has(STAFF) && t.places().get(1).seenBy(c));
    }

    /** The insured's home side: an insurer or partner system whose region covers the home region (the first place). */
    static boolean homeSide(MatrixCaller c, MatrixTarget t) {
        return c.admin() || ((c.has(INSURER) || c.has(PARTNER)) && t.places().get(0).inRegionOf(c));
    }

    /**
     * The home side, or an insurer or partner system on the treatment side: its region covers the filing's
     * destination (the second place) or lies within it.
     */
    static boolean filingReader(MatrixCaller c, MatrixTarget t) {
        if (homeSide(c, t)) {
            return true;
        }
        MatrixPlace destination = t.places().get(1);
        boolean within = !c.region().isEmpty() && c.region().startsWith(MatrixPlace.prefix(destination.region()));
        return (c.has(INSURER) || c.has(PARTNER)) && (destination.inRegionOf(c) || within);
    }

    /** Officers and admins for the schools their region covers; a school admin for its own school. */
    static boolean manages(MatrixCaller c, MatrixPlace school) {
        boolean manager = c.admin() || c.has(EDU) || (c.has(SCHOOL_ADMIN) && c.school().isPresent());
        return manager && school.seenBy(c);
    }

    /** A teacher's own record: their staff number at the school their token names. */
    static boolean self(MatrixCaller c, MatrixTarget t) {
        return c.has(TEACHER) && c.teacher().isPresent() && c.teacher().get().equals(t.teacher())
                && c.school().isPresent() && t.places().stream().anyMatch(p -> c.school().get().equals(p.school()));
    }

    /** A health officer (not bound to an institution) whose region covers the place. */
    static boolean officerFor(MatrixCaller c, MatrixPlace place) {
        return c.admin() || (c.has(HEALTH) && c.institution().isEmpty() && place.inRegionOf(c));
    }

    /** Staff of the institution at the place. */
    static boolean staffOf(MatrixCaller c, MatrixPlace place) {
        return c.admin() || (c.has(STAFF) && place.inRegionOf(c)
                && c.institution().map(i -> i.equals(place.institution())).orElse(false));
    }

    private final OperationPurposes purposes;

    Expectations(OperationPurposes purposes) {
        this.purposes = purposes;
    }

    /** Whether the caller lacks the operation's purpose, so it is refused before any object is looked at. */
    boolean purposeRefused(MatrixOperation op, MatrixCaller caller) {
        return !caller.holds(purposes.expected(op));
    }

    /**
     * The outcome for {@code caller} calling {@code op} by {@code route}, aimed at {@code target} (null when the
     * operation names no object); {@code listing} when the cell asks whether a list shows the target.
     */
    Expected expect(MatrixOperation op, MatrixRoute route, MatrixCaller caller, MatrixTarget target,
                    boolean listing) {
        String purpose = purposes.expected(op);
        if (!caller.holds(purpose)) {
            MatrixOutcome refused = route == MatrixRoute.GATEWAY ? MatrixOutcome.GATEWAY_DENIED : MatrixOutcome.DENIED;
            return new Expected(listing ? MatrixOutcome.NOT_LISTED : refused,
                    "purpose " + purpose + " is not among the caller's " + caller.purposes());
        }
        if (target == null) {
            return new Expected(MatrixOutcome.ALLOWED, "role allowed; names no object");
        }
        for (Rule rule : EXCEPTIONS) {
            if (rule.operations().matcher(op.name()).matches()) {
                MatrixOutcome outcome = rule.judge().judge(op, caller, target);
                if (outcome != null) {
                    return new Expected(listing ? listed(outcome) : outcome, "exception: " + rule.reason());
                }
            }
        }
        boolean seen = target.seenBy(caller);
        if (listing) {
            return new Expected(seen ? MatrixOutcome.LISTED : MatrixOutcome.NOT_LISTED, "scope");
        }
        return new Expected(op.read() ? visible(op, seen) : changeable(seen), "scope");
    }

    private static MatrixOutcome listed(MatrixOutcome single) {
        return single == MatrixOutcome.ALLOWED ? MatrixOutcome.LISTED : MatrixOutcome.NOT_LISTED;
    }

    static MatrixOutcome readOrList(MatrixOperation op) {
        return op.read() ? MatrixOutcome.ALLOWED : null;
    }

    static MatrixOutcome visible(MatrixOperation op, boolean seen) {
        if (!op.read()) {
            return null;
        }
        return seen ? MatrixOutcome.ALLOWED : MatrixOutcome.HIDDEN;
    }

    static MatrixOutcome changeable(boolean allowed) {
        return allowed ? MatrixOutcome.ALLOWED : MatrixOutcome.DENIED_OR_HIDDEN;
    }
}
