package org.xietong.healthcare.institution;

import java.util.Set;

public record InstitutionView(String code, String name, String regionCode, InstitutionLevel level,
                              InstitutionType type, Set<Capability> capabilities, Double latitude, Double longitude,
                              long version) {

    public static InstitutionView of(Institution i) {
        return new InstitutionView(i.code, i.name, i.regionCode, i.level, i.type, i.capabilitySet(), i.latitude,
                i.longitude, i.version);
    }
}
