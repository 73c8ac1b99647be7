package org.xietong.healthcare.consultation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The consultation report (会诊意见). */
public record CompleteRequest(@NotBlank @Size(max = 8000) String report) {
}
