package org.xietong.rotation.matching;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/**
 * What a run proposes. {@code provenOptimal} is true only when the solver proved no other assignment fills more
 * seats or, filling as many, earns more points.
 */
public record MatchingResult(String solver, List<Proposal> proposals, List<Unfilled> unfilled, int seatsOffered,
                             int seatsFilled, long totalPoints, long solveMillis, boolean provenOptimal) {

    @Schema(name = "AssignmentSlot")
    public enum Slot { MEMBER, LEADER }

    @Schema(name = "MatchingPoints")
    public record Points(int preferredTags, int backbone, int title, int linkedSchools, int preference, int distance,
                         int total) {
    }

    public record Proposal(long teacherId, long postId, Slot slot, Points points) {
    }

    public enum UnfilledReason { NO_COMPATIBLE_TEACHER, OUTFLOW_CAP_REACHED, COMPATIBLE_TEACHERS_TAKEN, NOT_RANKED }

    @Schema(name = "UnfilledPost")
    public record Unfilled(long postId, int seats, UnfilledReason reason, String detail) {
    }
}
