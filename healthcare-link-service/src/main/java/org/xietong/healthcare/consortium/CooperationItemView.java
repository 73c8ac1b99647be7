package org.xietong.healthcare.consortium;

import java.time.LocalDate;

public record CooperationItemView(long id, long consortiumId, String title, String description,
                                  CooperationStatus status, LocalDate startDate, LocalDate endDate, long version) {

    static CooperationItemView of(CooperationItem i) {
        return new CooperationItemView(i.id, i.consortiumId, i.title, i.description, i.status, i.startDate, i.endDate,
                i.version);
    }
}
