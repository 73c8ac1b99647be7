package org.xietong.pairing.school;

import java.time.Instant;

public record SchoolView(String code, String name, String regionCode, Instant createdAt) {

    static SchoolView of(School school) {
        return new SchoolView(school.code, school.name, school.regionCode, school.createdAt);
    }
}
