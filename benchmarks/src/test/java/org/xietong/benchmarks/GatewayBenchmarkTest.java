package org.xietong.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatewayBenchmarkTest {

    @Test
    void theMedianOfPairsIgnoresOneOutlyingPair() {
        assertEquals(0.86, GatewayBenchmark.median(List.of(0.86, 0.62, 0.88, 0.85, 0.90)), 1e-9);
        assertEquals(0.855, GatewayBenchmark.median(List.of(0.86, 0.85)), 1e-9);
    }
}
