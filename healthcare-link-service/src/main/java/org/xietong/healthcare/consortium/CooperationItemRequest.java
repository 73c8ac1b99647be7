package org.xietong.healthcare.consortium;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A cooperation item; without a status a new one is PLANNED. */
public record CooperationItemRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String description,
        CooperationStatus status,
        LocalDate startDate,
        LocalDate endDate) {

    @JsonIgnore

    @AssertTrue(message = "must not be before the start date")
    public boolean isEndDateAfterStart() {
        return endDate == null || startDate == null || !endDate.isBefore(startDate);
    }
}
