package org.xietong.rotation.assignment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One side's agreement to make an assignment longer by some months, and why. */
@Schema(name = "AssignmentExtension")
public record Extension(@NotNull @Min(1) @Max(24) Integer months, @NotBlank @Size(max = 500) String reason) {
}
