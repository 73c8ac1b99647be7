package org.xietong.pairing.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterSchool(
        @NotNull @Pattern(regexp = "[0-9]{10}", message = "must be the 10-digit school identification code (学校标识码)")
        String code,
        @NotBlank @Size(max = 200)
        String name,
        @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a 6-digit GB/T 2260 region code")
        String regionCode) {
}
