package org.xietong.healthcare.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record DeclineRequest(@NotBlank @Size(max = 2000) String reason) {
}
