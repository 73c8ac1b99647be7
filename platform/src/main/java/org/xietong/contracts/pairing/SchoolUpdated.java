package org.xietong.contracts.pairing;

/** A registered school's details changed (type {@value #TYPE}); carries the school as it is now. */
public record SchoolUpdated(String code, String name, String regionCode, String locationType, String level,
                               boolean qualityResource, Double latitude, Double longitude) {

    public static final String TYPE = "org.xietong.pairing.school.updated.v1";
}
