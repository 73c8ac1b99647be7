package org.xietong.rotation.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

import java.util.Arrays;

/**
 * Fills as many seats as possible and, among all assignments that fill that many, earns the most points: a
 * min-cost max-flow solved by OR-Tools on
 * <pre>source → outflow-cap group → teacher (1) → slot (1, cost −points) → sink (slot capacity)</pre>
 * Teachers of an uncapped group hang directly off the source. The result is proven optimal when OR-Tools reports
 * OPTIMAL; any other status is an error, as there is then no assignment to read.
 */
public final class OptimalMatcher implements Matcher {

    public static final String SOLVER = "or-tools min-cost-flow";

    private static final int SOURCE = 0;
    private static final int SINK = 1;

    @Override
    public MatchingResult match(MatchingInstance problem) {
        NativeLibraries.load();
        long start = System.nanoTime();
        MatchingGraph graph = new MatchingGraph(problem);
        int[] assigned = new int[graph.teachers.length];
        Arrays.fill(assigned, -1);
        int firstGroupNode = 2;
        int firstTeacherNode = firstGroupNode + graph.groupCount;
        int firstSlotNode = firstTeacherNode + graph.teachers.length;
        int nodeCount = firstSlotNode + graph.slotPost.length;
        int arcCount = graph.arcCount();
        MinCostFlow flow = new MinCostFlow(nodeCount, arcCount + graph.teachers.length + graph.groupCount
                + graph.slotPost.length);
        try {
            int[] groupSize = new int[graph.groupCount];
            for (int group : graph.teacherGroup) {
                if (group >= 0) {
                    groupSize[group]++;
                }
            }
            for (int g = 0; g < graph.groupCount; g++) {
                flow.addArcWithCapacityAndUnitCost(SOURCE, firstGroupNode + g,
                        Math.min(graph.groupCap[g], groupSize[g]), 0);
            }
            int supply = 0;
            for (int t = 0; t < graph.teachers.length; t++) {
                if (graph.teacherFirstArc[t] == graph.teacherFirstArc[t + 1]) {
                    continue;
                }
                int group = graph.teacherGroup[t];
                flow.addArcWithCapacityAndUnitCost(group < 0 ? SOURCE : firstGroupNode + group,
                        firstTeacherNode + t, 1, 0);
                supply++;
            }
            // Choice arcs get consecutive ids, so a choice's flow is read back by position.
            int firstChoiceArc = flow.getNumArcs();
            for (int arc = 0; arc < arcCount; arc++) {
                int id = flow.addArcWithCapacityAndUnitCost(firstTeacherNode + graph.arcTeacher[arc],
                        firstSlotNode + graph.arcSlot[arc], 1, -graph.arcPoints[arc]);
                if (id != firstChoiceArc + arc) {
                    throw new IllegalStateException("OR-Tools numbered arc " + arc + " as " + id);
                }
            }
            for (int s = 0; s < graph.slotPost.length; s++) {
                flow.addArcWithCapacityAndUnitCost(firstSlotNode + s, SINK, graph.slotCapacity[s], 0);
            }
            // Without supplies the solver moves no flow; the adjusted solve caps them at the maximum flow.
            flow.setNodeSupply(SOURCE, supply);
            flow.setNodeSupply(SINK, -graph.seatsOffered());
            MinCostFlowBase.Status status = supply == 0 ? MinCostFlowBase.Status.OPTIMAL
                    : flow.solveMaxFlowWithMinCost();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("min-cost flow did not solve: " + status);
            }
            for (int arc = 0; supply > 0 && arc < arcCount; arc++) {
                if (flow.getFlow(firstChoiceArc + arc) > 0) {
                    assigned[graph.arcTeacher[arc]] = arc;
                }
            }
        } finally {
            flow.delete();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return graph.result(SOLVER, assigned, null, millis, true);
    }

    /** OR-Tools' JNI libraries, unpacked and loaded once per class loader. */
    static final class NativeLibraries {
        private static volatile boolean loaded;

        private NativeLibraries() {
        }

        static void load() {
            if (loaded) {
                return;
            }
            synchronized (NativeLibraries.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }
}
