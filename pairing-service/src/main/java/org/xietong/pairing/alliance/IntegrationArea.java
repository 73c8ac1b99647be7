package org.xietong.pairing.alliance;

/** The four integrations of an education group: management, teaching research, staff, after-school services. */
public enum IntegrationArea {
    MANAGEMENT, TEACHING_RESEARCH, STAFF, AFTER_SCHOOL
}
