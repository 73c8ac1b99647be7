package org.xietong.pairing.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record UpdateSchool(@NotBlank @Size(max = 200) String name) {
}
