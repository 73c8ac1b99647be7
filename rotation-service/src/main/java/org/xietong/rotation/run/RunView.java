package org.xietong.rotation.run;

import org.xietong.rotation.matching.MatchingResult;
import org.xietong.rotation.post.PostMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A run's outcome: proposals with their points by component (and the assignment each became, none in a dry run),
 * unfilled seats with the reason, totals.
 */
public record RunView(UUID id, String regionCode, int cycle, MatchingRun.Mode mode, boolean dryRun, String solver,
                      boolean provenOptimal, long solveMillis, int teachers, int posts, int seatsOffered,
                      int seatsFilled, long totalPoints, List<ProposalView> proposals,
                      List<MatchingResult.Unfilled> unfilled, Instant createdAt, String createdBy) {

    public record ProposalView(UUID assignmentId, long teacherId, String staffNumber, String teacherName, long postId,
                               PostMode mode, MatchingResult.Slot slot, String fromSchool, String toSchool,
                               MatchingResult.Points points) {
    }

    static RunView of(MatchingRun run) {
        return new RunView(run.id, run.regionCode, run.cycle, run.mode, run.dryRun, run.solver, run.provenOptimal,
                run.solveMillis, run.teachers, run.posts, run.seatsOffered, run.seatsFilled, run.totalPoints,
                run.proposals, run.unfilled, run.createdAt, run.createdBy);
    }
}
