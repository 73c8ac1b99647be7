package org.xietong.rotation.assignment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 评单: the receiving school's score (0–100) and comments on a completed service. */
@Schema(name = "AssignmentEvaluation")
public record Evaluation(@NotNull @Min(0) @Max(100) Integer score, @Size(max = 2000) String comments) {
}
