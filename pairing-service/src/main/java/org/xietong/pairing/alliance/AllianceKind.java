package org.xietong.pairing.alliance;

/**
 * What a grouping of schools is: an education group (集团化办学) or an alliance (联盟), which may cross regions and
 * count in the group-schooling figure, or a school district (学区), the schools of one county-level region managed
 * together, each school in at most one, counted in the district-system figure (学区制).
 */
public enum AllianceKind {
    EDUCATION_GROUP, ALLIANCE, SCHOOL_DISTRICT
}
