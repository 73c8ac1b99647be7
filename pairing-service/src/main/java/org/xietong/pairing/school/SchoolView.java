package org.xietong.pairing.school;

import java.time.Instant;

/** A school as the API shows it; {@code version} is also sent as the ETag. */
public record SchoolView(String code, String name, String regionCode, Instant createdAt, long version) {

    static SchoolView of(School school) {
        return new SchoolView(school.code, school.name, school.regionCode, school.createdAt, school.version);
    }
}
