package org.xietong.healthcare.expert;

public record ExpertView(long id, String name, String title, String specialty, String homeInstitutionCode,
                         String homeRegion, long version) {

    static ExpertView of(Expert e) {
        return new ExpertView(e.id, e.name, e.title, e.specialty, e.homeInstitutionCode, e.homeRegion, e.version);
    }
}
