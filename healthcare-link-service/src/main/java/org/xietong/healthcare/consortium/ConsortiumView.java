package org.xietong.healthcare.consortium;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

public record ConsortiumView(long id, String name, ConsortiumKind kind, String specialty, String leadCode,
                             String leadRegion, String description, List<Member> members, long version) {

    @Schema(name = "ConsortiumMemberView")
    public record Member(String institutionCode, String name, String regionCode, Instant joinedAt) {
    }
}
