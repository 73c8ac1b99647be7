package org.xietong.healthcare.settlement;

import org.xietong.platform.problem.Problem;
import org.xietong.platform.problem.ProblemException;

/**
 * A batch over one of its caps: the batch stops where the cap was hit. The problem names the cap ({@code limit}),
 * its value ({@code max}) and the line where it was hit ({@code line}).
 */
final class BatchLimitException extends ProblemException {

    private BatchLimitException(Problem problem) {
        super(problem);
    }

    private static BatchLimitException of(String limit, int max, int line, String title, String detail) {
        return new BatchLimitException(Problem.of(413, "batch-limit-exceeded", title,
                        detail + "; the batch stops at line " + line)
                .withExtension("limit", limit).withExtension("max", max).withExtension("line", line));
    }

    static BatchLimitException lineTooLong(int line, int maxBytes) {
        return of("line-bytes", maxBytes, line, "Line too long",
                "Line " + line + " is longer than " + maxBytes + " bytes, the most one line of a batch may have");
    }

    static BatchLimitException tooManyLines(int line, int maxLines) {
        return of("batch-lines", maxLines, line, "Batch too long",
                "The batch has more than " + maxLines + " lines, the most one batch may have; send the rest as another batch");
    }

    static BatchLimitException billTooLong(String billId, int firstLine, int line, int maxLines) {
        return of("bill-lines", maxLines, line, "Bill too long", "Bill " + billId + " starting at line " + firstLine
                + " has more than " + maxLines + " lines (line " + line + " is its " + (maxLines + 1)
                + "th), the most one bill may have");
    }

    static BatchLimitException tooManyPeople(int line, int maxPeople) {
        return of("batch-people", maxPeople, line, "Too many people in one batch", "The bill at line " + line
                + " brings the people (per year) whose accumulators this batch carries over " + maxPeople
                + ", the most one quoted batch may carry");
    }

    /** The same problem, saying how much of the batch was answered and recorded before it stopped. */
    ProblemException after(int answered, int recorded) {
        return new ProblemException(problem().withExtension("answered", answered).withExtension("recorded", recorded));
    }
}
