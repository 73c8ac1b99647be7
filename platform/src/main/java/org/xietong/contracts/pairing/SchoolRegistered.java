package org.xietong.contracts.pairing;

/**
 * A school was added to the registry (type {@value #TYPE}). Key and CloudEvents subject: the school code.
 * rotation-service keeps its replica of schools from these events.
 */
public record SchoolRegistered(String code, String name, String regionCode, String locationType, String level,
                               boolean qualityResource, Double latitude, Double longitude) {

    public static final String TYPE = "org.xietong.pairing.school.registered.v1";
}
