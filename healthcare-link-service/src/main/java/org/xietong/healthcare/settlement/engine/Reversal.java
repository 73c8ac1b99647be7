package org.xietong.healthcare.settlement.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Reversing (冲正) one of a person's recorded bills of a year. Yearly sums make bills depend on the ones before them
 * (a deductible used, a ceiling reached, a serious-illness tier crossed), so subtracting the reversed bill's figures
 * would leave the later bills settled against sums that never were. Instead the later bills settle again, in their
 * recorded order, from the accumulators the reversed bill started with: the year ends exactly as if the reversed
 * bill had never been settled, and each later bill gets the result it would have had.
 */
public final class Reversal {

    private Reversal() {
    }

    /** A recorded bill of the year, in the order it reached the accumulators. */
    public record Recorded<K>(K id, Bill bill, Settlement result) {
    }

    /** A later bill settled again: the record it supersedes and its new result. */
    public record Resettled<K>(K supersedes, Bill bill, Settlement result) {
    }

    /** The accumulators the year ends with, and the later bills settled again (empty if the reversed one was last). */
    public record Outcome<K>(Accumulators restored, List<Resettled<K>> resettled) {
    }

    /**
     * @param year   the person's surviving recorded bills of one year, in recorded order
     * @param settle settles a bill against accumulators (under the rules in force on its visit day)
     */
    public static <K> Outcome<K> reverse(List<Recorded<K>> year, K reversed,
                                         BiFunction<Bill, Accumulators, Settlement> settle) {
        int at = -1;
        for (int i = 0; i < year.size(); i++) {
            if (Objects.equals(year.get(i).id(), reversed)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("bill " + reversed + " is not among the year's recorded bills");
        }
        Accumulators running = year.get(at).result().before();
        List<Resettled<K>> resettled = new ArrayList<>();
        for (Recorded<K> later : year.subList(at + 1, year.size())) {
            Settlement again = settle.apply(later.bill(), running);
            resettled.add(new Resettled<>(later.id(), later.bill(), again));
            running = again.after();
        }
        return new Outcome<>(running, List.copyOf(resettled));
    }
}
