package org.xietong.healthcare.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a filing or certification is revoked. */
@Schema(name = "RegistrationRevocation")
public record RevocationRequest(@NotBlank @Size(max = 500) String reason) {
}
