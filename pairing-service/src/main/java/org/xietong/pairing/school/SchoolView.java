package org.xietong.pairing.school;

import java.time.Instant;

/** A school as the API shows it; {@code version} is also sent as the ETag. */
public record SchoolView(String code, String name, String regionCode, LocationType locationType, SchoolLevel level,
                         boolean compulsory, Double latitude, Double longitude, Integer studentCount,
                         boolean qualityResource, Instant createdAt, Instant updatedAt, long version) {

    static SchoolView of(School s) {
        return new SchoolView(s.code, s.name, s.regionCode, s.locationType, s.level, s.level.compulsory(), s.latitude,
                s.longitude, s.studentCount, s.qualityResource, s.createdAt, s.updatedAt, s.version);
    }
}
