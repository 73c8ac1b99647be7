package org.xietong.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The access model, written once: every API operation names the one purpose it serves ({@code @RolesAllowed} with
 * a purpose name), and this table says which roles hold each purpose and which a partner system may be granted.
 * The services enforce it (the {@link PurposeAugmentor} puts the purposes a caller holds among its roles), the
 * gateway reads the purposes from the services' API documents and the authorisation matrix expects this table.
 * <p>
 * A person holds the purposes of their realm roles. A partner system (realm role {@code partner-system}) holds only
 * the purposes its client's service account was granted in the realm, as realm roles named like the purpose, and
 * only those marked grantable to partners here: a purpose-named role given to a partner that is not grantable, or
 * to anyone who is not a partner system, gives nothing. {@code platform-admin} holds every purpose.
 */
public enum Purpose {

    PAIRING_READ(Names.PAIRING_READ, "Read schools, pairings, alliances, activities, buddy classes and shared facilities",
            true, Roles.EDUCATION_OFFICER, Roles.SCHOOL_ADMIN, Roles.TEACHER),
    PAIRING_COOPERATE(Names.PAIRING_COOPERATE, "Propose pairings and agree to them, their renewal and resumption",
            true, Roles.EDUCATION_OFFICER),
    PAIRING_RECORD(Names.PAIRING_RECORD, "Record a pairing's activities (visits, study trips, shadowing, lessons)",
            true, Roles.EDUCATION_OFFICER, Roles.SCHOOL_ADMIN),
    PAIRING_WRITE(Names.PAIRING_WRITE, "Twin buddy classes, publish shared facilities, their slots and bookings",
            false, Roles.EDUCATION_OFFICER, Roles.SCHOOL_ADMIN),
    PAIRING_GOVERN(Names.PAIRING_GOVERN, "Register schools, form alliances, suspend and conclude pairings",
            false, Roles.EDUCATION_OFFICER),
    PAIRING_EXCHANGE(Names.PAIRING_EXCHANGE, "Read the pairing events of the caller's region (exchange feed) "
            + "and push subscriptions to them",
            true, Roles.EDUCATION_OFFICER),
    PAIRING_AUDIT(Names.PAIRING_AUDIT, "Read the pairing audit trail", false, Roles.EDUCATION_OFFICER),

    ROTATION_READ(Names.ROTATION_READ, "Read posts, rotation rules, matching runs and the schools rotation knows",
            true, Roles.EDUCATION_OFFICER, Roles.SCHOOL_ADMIN, Roles.TEACHER),
    ROTATION_PEOPLE(Names.ROTATION_PEOPLE, "Teachers' records, assignments, preferences and growth dossiers: read "
            + "them, and answer one's own assignments", false, Roles.TEACHER, Roles.SCHOOL_ADMIN, Roles.EDUCATION_OFFICER),
    ROTATION_WRITE(Names.ROTATION_WRITE, "Keep teachers and posts, run assignments at the school; eligibility and "
            + "supply-and-demand views", false, Roles.EDUCATION_OFFICER, Roles.SCHOOL_ADMIN),
    ROTATION_GOVERN(Names.ROTATION_GOVERN, "Dispatch posts, run matching, keep rotation rules, confirm or reject "
            + "assignments, read statistics", false, Roles.EDUCATION_OFFICER),
    ROTATION_PLACES(Names.ROTATION_PLACES, "Answer for the teachers of the caller's region the shadowing places "
            + "offered to them: list, accept, decline", true, Roles.EDUCATION_OFFICER),
    ROTATION_EXCHANGE(Names.ROTATION_EXCHANGE, "Read the rotation events of the caller's region (exchange feed) "
            + "and push subscriptions to them",
            true, Roles.EDUCATION_OFFICER),
    ROTATION_AUDIT(Names.ROTATION_AUDIT, "Read the rotation audit trail", false, Roles.EDUCATION_OFFICER),

    HEALTHCARE_READ(Names.HEALTHCARE_READ, "Read institutions, consortia, experts, outreach clinics and published "
            + "rules (catalogues, policies, LTC benefits and agreements)", true, Roles.HEALTH_OFFICER,
            Roles.INSURANCE_OFFICER, Roles.INSTITUTION_STAFF, Roles.LTC_ASSESSOR),
    HEALTHCARE_MANAGE(Names.HEALTHCARE_MANAGE, "Keep institutions, consortia and outreach schedules, and answer "
            + "another region's invitations", false, Roles.HEALTH_OFFICER),
    HEALTHCARE_CARE(Names.HEALTHCARE_CARE, "Read consultations; register experts; book and cancel appointments",
            false, Roles.HEALTH_OFFICER, Roles.INSTITUTION_STAFF),
    HEALTHCARE_CONSULT(Names.HEALTHCARE_CONSULT, "Request remote consultations and answer them for one's institution",
            false, Roles.INSTITUTION_STAFF),
    HEALTHCARE_LTC(Names.HEALTHCARE_LTC, "Request long-term-care assessments", true, Roles.INSURANCE_OFFICER),
    HEALTHCARE_LTC_READ(Names.HEALTHCARE_LTC_READ, "Follow long-term-care requests (disability grades)", true,
            Roles.INSURANCE_OFFICER, Roles.LTC_ASSESSOR),
    HEALTHCARE_LTC_ASSESS(Names.HEALTHCARE_LTC_ASSESS, "Record the result of an assessment routed to the caller",
            false, Roles.LTC_ASSESSOR),
    HEALTHCARE_INSURE(Names.HEALTHCARE_INSURE, "Insurers' decisions: settlement policies, LTC agreements, benefits "
            + "and recognition", false, Roles.INSURANCE_OFFICER),
    HEALTHCARE_SETTLE(Names.HEALTHCARE_SETTLE, "Quote, record, reverse, list and reconcile cross-region "
            + "settlements; the home side's 备案 filings and chronic-disease certifications",
            true, Roles.INSURANCE_OFFICER, Roles.INSTITUTION_STAFF),
    HEALTHCARE_RULES(Names.HEALTHCARE_RULES, "Keep catalogues and run the safety-net forecast",
            false, Roles.INSURANCE_OFFICER, Roles.HEALTH_OFFICER),
    HEALTHCARE_EXCHANGE(Names.HEALTHCARE_EXCHANGE, "Read the healthcare events of the caller's region (exchange feed) "
            + "and push subscriptions to them",
            true, Roles.HEALTH_OFFICER, Roles.INSURANCE_OFFICER),
    HEALTHCARE_AUDIT(Names.HEALTHCARE_AUDIT, "Read the healthcare audit trail", false,
            Roles.HEALTH_OFFICER, Roles.INSURANCE_OFFICER);

    /** Purpose names as compile-time constants, for {@code @RolesAllowed}. */
    public static final class Names {
        public static final String PAIRING_READ = "pairing:read";
        public static final String PAIRING_COOPERATE = "pairing:cooperate";
        public static final String PAIRING_RECORD = "pairing:record";
        public static final String PAIRING_WRITE = "pairing:write";
        public static final String PAIRING_GOVERN = "pairing:govern";
        public static final String PAIRING_EXCHANGE = "pairing:exchange";
        public static final String PAIRING_AUDIT = "pairing:audit";
        public static final String ROTATION_READ = "rotation:read";
        public static final String ROTATION_PEOPLE = "rotation:people";
        public static final String ROTATION_WRITE = "rotation:write";
        public static final String ROTATION_GOVERN = "rotation:govern";
        public static final String ROTATION_PLACES = "rotation:places";
        public static final String ROTATION_EXCHANGE = "rotation:exchange";
        public static final String ROTATION_AUDIT = "rotation:audit";
        public static final String HEALTHCARE_READ = "healthcare:read";
        public static final String HEALTHCARE_MANAGE = "healthcare:manage";
        public static final String HEALTHCARE_CARE = "healthcare:care";
        public static final String HEALTHCARE_CONSULT = "healthcare:consult";
        public static final String HEALTHCARE_LTC = "healthcare:ltc";
        public static final String HEALTHCARE_LTC_READ = "healthcare:ltc-read";
        public static final String HEALTHCARE_LTC_ASSESS = "healthcare:ltc-assess";
        public static final String HEALTHCARE_INSURE = "healthcare:insure";
        public static final String HEALTHCARE_SETTLE = "healthcare:settle";
        public static final String HEALTHCARE_RULES = "healthcare:rules";
        public static final String HEALTHCARE_EXCHANGE = "healthcare:exchange";
        public static final String HEALTHCARE_AUDIT = "healthcare:audit";

        private Names() {
        }
    }

    /** The realm roles of people and systems. */
    public static final class Roles {
        public static final String PLATFORM_ADMIN = "platform-admin";
        public static final String EDUCATION_OFFICER = "education-officer";
        public static final String SCHOOL_ADMIN = "school-admin";
        public static final String TEACHER = "teacher";
        public static final String HEALTH_OFFICER = "health-officer";
        public static final String INSURANCE_OFFICER = "insurance-officer";
        public static final String INSTITUTION_STAFF = "institution-staff";
        public static final String LTC_ASSESSOR = "ltc-assessor";
        public static final String PARTNER_SYSTEM = "partner-system";

        private Roles() {
        }
    }

    private static final Map<String, Purpose> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Purpose::purposeName, Function.identity()));

    private final String purposeName;
    private final String description;
    private final boolean partnerGrantable;
    private final Set<String> holders;

    Purpose(String purposeName, String description, boolean partnerGrantable, String... holders) {
        this.purposeName = purposeName;
        this.description = description;
        this.partnerGrantable = partnerGrantable;
        this.holders = Set.of(holders);
    }

    /** The name operations, tokens' scopes and documents use, e.g. {@code healthcare:ltc}. */
    public String purposeName() {
        return purposeName;
    }

    public String description() {
        return description;
    }

    /** Whether a partner system's client may be granted this purpose as a client scope. */
    public boolean partnerGrantable() {
        return partnerGrantable;
    }

    /** The realm roles of people that hold this purpose (platform-admin holds all). */
    public Set<String> holders() {
        return holders;
    }

    public static Optional<Purpose> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The purposes a caller with these realm roles holds: those its roles hold, and for a partner system the
     * grantable purposes it was granted by name.
     */
    public static Set<String> heldBy(Collection<String> roles) {
        Set<String> held = new TreeSet<>();
        boolean admin = roles.contains(Roles.PLATFORM_ADMIN);
        boolean partner = roles.contains(Roles.PARTNER_SYSTEM);
        for (Purpose purpose : values()) {
            if (admin || purpose.holders.stream().anyMatch(roles::contains)
                    || (partner && purpose.partnerGrantable && roles.contains(purpose.purposeName))) {
                held.add(purpose.purposeName);
            }
        }
        return held;
    }

    /** Whether a role name is a purpose's (and so only counts as {@link #heldBy} says). */
    public static boolean isPurpose(String role) {
        return BY_NAME.containsKey(role);
    }
}
