package org.xietong.contracts.pairing;

import java.util.List;
import java.util.Map;

/**
 * An education group (集团化办学), alliance (联盟) or school district (学区) as it is after a change; the CloudEvents
 * type says which change. Key and subject: the alliance id. {@code kind} is EDUCATION_GROUP, ALLIANCE or
 * SCHOOL_DISTRICT (absent in events published before school districts existed: an education group).
 * {@code integrations} maps each of the four areas to its status.
 */
public record AllianceChanged(String id, String name, String kind, String leadSchool, List<String> members,
                              Map<String, String> integrations) {

    public static final String FORMED = "org.xietong.pairing.alliance.formed.v1";
    public static final String MEMBER_JOINED = "org.xietong.pairing.alliance.member-joined.v1";
    public static final String MEMBER_LEFT = "org.xietong.pairing.alliance.member-left.v1";
    public static final String INTEGRATION_UPDATED = "org.xietong.pairing.alliance.integration-updated.v1";
    public static final List<String> TYPES = List.of(FORMED, MEMBER_JOINED, MEMBER_LEFT, INTEGRATION_UPDATED);
}
