package org.xietong.rotation.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** Why an assignment ends early, and its last day (default today). */
@Schema(name = "AssignmentTermination")
public record Termination(@NotBlank @Size(max = 500) String reason, LocalDate endedOn) {
}
