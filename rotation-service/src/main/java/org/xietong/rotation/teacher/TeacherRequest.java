package org.xietong.rotation.teacher;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * A teacher as registered or changed. The resident ID is optional; when given it must pass the GB 11643 checksum
 * and agree with the birth date and gender.
 */
public record TeacherRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,32}", message = "must be 1 to 32 letters, digits or '-'") String staffNumber,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Past LocalDate birthDate,
        @NotNull Gender gender,
        @NotEmpty @Size(max = 3) List<@NotNull Subject> subjects,
        @NotNull TeachingLevel level,
        @NotNull Title title,
        BackboneLevel backbone,
        @NotNull @Pattern(regexp = "[0-9]{10}", message = "must be a 10-digit school code") String schoolCode,
        @NotNull @PastOrPresent LocalDate joinedSchoolOn,
        boolean cadre,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,
        TeacherStatus status,
        @Size(max = 18) String residentId,
        LeadershipPosition position,
        @Size(max = 10) List<@NotNull @Valid LeadershipTerm> leadershipTerms) {

    public BackboneLevel backboneOrNone() {
        return backbone == null ? BackboneLevel.NONE : backbone;
    }

    public TeacherStatus statusOrActive() {
        return status == null ? TeacherStatus.ACTIVE : status;
    }

    public List<LeadershipTerm> termList() {
        return leadershipTerms == null ? List.of() : leadershipTerms;
    }

    @JsonIgnore
    @AssertTrue(message = "are a principal's or vice-principal's: give the position, and each term ending after it "
            + "starts, in order, without overlapping, none before the teacher joined the school and only the last "
            + "one open")
    public boolean isLeadershipTermsConsistent() {
        List<LeadershipTerm> terms = termList();
        if (terms.isEmpty()) {
            return true;
        }
        if (position == null) {
            return false;
        }
        LocalDate previousEnd = null;
        for (int i = 0; i < terms.size(); i++) {
            LeadershipTerm term = terms.get(i);
            if (term == null || term.start() == null) {
                return true; // reported by @NotNull
            }
            boolean last = i == terms.size() - 1;
            if ((term.end() == null && !last) || (term.end() != null && !term.end().isAfter(term.start()))
                    || (previousEnd != null && term.start().isBefore(previousEnd))
                    || (joinedSchoolOn != null && term.start().isBefore(joinedSchoolOn))) {
                return false;
            }
            previousEnd = term.end();
        }
        return true;
    }

    public List<String> tagList() {
        return tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
    }

    @JsonIgnore
    @AssertTrue(message = "lists a subject twice")
    public boolean isSubjectsDistinct() {
        return subjects == null || new HashSet<>(subjects).size() == subjects.size();
    }

    @JsonIgnore
    @AssertTrue(message = "must make the teacher between 18 and 70 years old")
    public boolean isBirthDatePlausible() {
        return birthDate == null || (birthDate.isAfter(LocalDate.now().minusYears(70))
                && !birthDate.isAfter(LocalDate.now().minusYears(18)));
    }

    @JsonIgnore
    @AssertTrue(message = "must not be before the teacher turned 18")
    public boolean isJoinedSchoolOnPlausible() {
        return joinedSchoolOn == null || birthDate == null || !joinedSchoolOn.isBefore(birthDate.plusYears(18));
    }

    @JsonIgnore
    @AssertTrue(message = "is not a valid GB 11643 resident ID number, or disagrees with the birth date or gender")
    public boolean isResidentIdValid() {
        if (residentId == null || residentId.isBlank()) {
            return true;
        }
        String id = ResidentId.normalise(residentId);
        return ResidentId.isValid(id) && (birthDate == null || birthDate.equals(ResidentId.birthDate(id)))
                && (gender == null || gender == ResidentId.gender(id));
    }
}
