package org.xietong.contracts.healthcare;

import java.time.Instant;
import java.util.List;

/**
 * An institution joined a medical consortium or specialty alliance (医联体, 专科联盟), at once or by accepting its
 * invitation, or left it. Key and subject: the consortium id; visible in the lead's and the institution's regions.
 */
public record ConsortiumMembershipChanged(long consortiumId, String consortiumName, String kind, String leadCode,
                                          String leadRegion, String institutionCode, String institutionRegion,
                                          Instant changedAt) {

    public static final String JOINED = "org.xietong.healthcare.consortium.member-joined.v1";
    public static final String LEFT = "org.xietong.healthcare.consortium.member-left.v1";
    public static final List<String> TYPES = List.of(JOINED, LEFT);
}
