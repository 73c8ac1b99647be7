package org.xietong.rotation.post;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.xietong.rotation.teacher.BackboneLevel;
import org.xietong.rotation.teacher.Subject;
import org.xietong.rotation.teacher.TeachingLevel;
import org.xietong.rotation.teacher.Title;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A receiving school's request for a post (点单). The term is a start date and either a number of months or an end
 * date (the months are then counted from the two).
 */
public record PostRequest(
        @NotNull @Pattern(regexp = "[0-9]{10}", message = "must be a 10-digit school code") String schoolCode,
        @NotNull Subject subject,
        @NotNull TeachingLevel level,
        @Min(1) @Max(500) int seats,
        @NotNull PostMode mode,
        @NotNull LocalDate startDate,
        @Min(1) @Max(60) Integer months,
        LocalDate endDate,
        Title minTitle,
        BackboneLevel minBackbone,
        @Size(max = 10) List<@NotBlank @Size(max = 40) String> preferredTags,
        @Size(max = 2000) String description) {

    @JsonIgnore
    @AssertTrue(message = "must not be before the start date")
    public boolean isEndDateAfterStart() {
        return endDate == null || startDate == null || endDate.isAfter(startDate);
    }

    @JsonIgnore
    @AssertTrue(message = "give the term as months or as an end date, one of them")
    public boolean isTermGiven() {
        return (months == null) != (endDate == null);
    }

    @JsonIgnore
    @AssertTrue(message = "must be 1 to 60 months from the start date")
    public boolean isTermLength() {
        return endDate == null || startDate == null || !endDate.isAfter(startDate)
                || (termMonths() >= 1 && termMonths() <= 60);
    }

    @JsonIgnore
    @AssertTrue(message = "team aid needs a leader and at least one member: 2 seats or more")
    public boolean isTeamLargeEnough() {
        return mode != PostMode.TEAM_AID || seats >= 2;
    }

    /** Whole months of the term, rounding a part month up. */
    public int termMonths() {
        if (months != null) {
            return months;
        }
        long whole = ChronoUnit.MONTHS.between(startDate, endDate);
        return (int) (startDate.plusMonths(whole).isBefore(endDate) ? whole + 1 : whole);
    }

    public List<String> tags() {
        return preferredTags == null ? List.of() : preferredTags.stream().map(String::strip).distinct().toList();
    }
}
