package org.xietong.systemtests;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.xietong.devstack.DevStack;
import org.xietong.devstack.StackConfig;
import org.xietong.devstack.SuiteService;
import org.xietong.devstack.TokenClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One devstack for every system test: the first test that asks for a {@link Suite} parameter starts it (about a
 * minute on the build machine), later ones get the same, and JUnit stops it when the run ends. Ports are offset so
 * it can run beside a developer's ./xietong up; {@code -Dxietong.stack.offset=N} moves them again, so two checkouts can
 * run their system tests at once.
 */
public final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    /** The running suite as the tests reach it. */
    public record Suite(DevStack stack, StackConfig config, TokenClient tokens, String gateway) {
    }

    /** A failed start is remembered, so the next test class fails at once instead of trying for another minute. */
    private record Attempt(Suite suite, RuntimeException failure) implements AutoCloseable {
        @Override
        public void close() {
            if (suite != null) {
                suite.stack().close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Suite.class;
    }

    @Override
    public Suite resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Attempt attempt = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Attempt.class, key -> start(), Attempt.class);
        if (attempt.failure() != null) {
            throw attempt.failure();
        }
        return attempt.suite();
    }

    private static final Map<String, String> PUSH_RETRIES = Map.of("xietong.delivery.retry-window", "PT150S",
            "xietong.delivery.first-retry", "PT1S", "xietong.delivery.max-backoff", "PT8S");

    private static Attempt start() {
        try {
            Path root = Path.of(System.getProperty("xietong.root", "..")).toAbsolutePath().normalize();
            StackConfig config = new StackConfig(root, Files.createTempDirectory("xietong-system"),
                    Integer.getInteger("xietong.stack.offset", StackConfig.SYSTEM_TEST_OFFSET), false);
            for (SuiteService service : List.of(SuiteService.PAIRING, SuiteService.ROTATION, SuiteService.HEALTHCARE)) {
                // Push deliveries retried for 150 seconds, not a day, so that PushDeliveryIT sees a dead letter.
                config = config.withAppProperties(service, PUSH_RETRIES);
            }
            DevStack stack = DevStack.start(config, System.out::println);
            String gateway = config.url(SuiteService.GATEWAY);
            ContractConformance.watch(gateway);
            io.restassured.RestAssured.filters(ContractConformance.filter());
            return new Attempt(new Suite(stack, config, new TokenClient(stack.keycloak().issuer()),
                    gateway), null);
        } catch (IOException e) {
            return new Attempt(null, new UncheckedIOException("the devstack did not start", e));
        } catch (RuntimeException e) {
            return new Attempt(null, e);
        }
    }
}
