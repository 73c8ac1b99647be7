package org.xietong.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Just before the stack stops: reports what {@link ContractConformance} saw and fails on any violation. */
@ExtendWith(SharedStack.class)
@Order(Integer.MAX_VALUE - 1)
class ContractConformanceIT {

    @Test
    void everyExchangeOfTheSuiteConformsToThePublishedContract(SharedStack.Suite suite) throws IOException {
        List<ContractConformance.Violation> violations = List.copyOf(ContractConformance.VIOLATIONS);
        String summary = "validated %d exchanges (%d operations), %d violations".formatted(
                ContractConformance.EXCHANGES.get(), ContractConformance.OPERATIONS.size(), violations.size());
        Map<String, List<String>> byKind = violations.stream().limit(50).collect(Collectors.groupingBy(
                ContractConformance.Violation::kind, TreeMap::new,
                Collectors.mapping(v -> v.operation() + " -> " + v.status() + ": " + v.message(), Collectors.toList())));
        StringBuilder report = new StringBuilder(summary).append('\n');
        byKind.forEach((kind, lines) -> {
            report.append(kind).append('\n');
            lines.forEach(line -> report.append("  ").append(line).append('\n'));
        });
        System.out.println(report);
        Path file = Path.of("target/contract/conformance.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, summary + "\n" + violations.stream()
                .map(v -> v.kind() + " " + v.operation() + " -> " + v.status() + ": " + v.message())
                .collect(Collectors.joining("\n")) + "\n");
        assertEquals(0, violations.size(), report.toString());
    }
}
