package org.xietong.devstack;

import org.xietong.devstack.kafka.KafkaLauncher;
import org.xietong.devstack.kafka.RunningKafka;
import org.xietong.devstack.keycloak.KeycloakLauncher;
import org.xietong.devstack.keycloak.RunningKeycloak;
import org.xietong.devstack.postgres.PostgresLauncher;
import org.xietong.devstack.postgres.RunningPostgres;
import org.xietong.devstack.process.ChildProcess;
import org.xietong.devstack.process.PidFiles;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The whole suite on one machine: PostgreSQL, Kafka and Keycloak, then the three services and the gateway.
 * Infrastructure starts in parallel; everything stops in reverse order of start.
 */
public final class DevStack implements AutoCloseable {

    private final StackConfig config;
    private final Consumer<String> say;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<SuiteService, ChildProcess> apps = new EnumMap<>(SuiteService.class);
    private final Map<SuiteService, ClassData> classData = new ConcurrentHashMap<>();
    private PidFiles pidFiles;
    private final Map<SuiteService, Duration> startTimes = new ConcurrentHashMap<>();
    private RunningPostgres postgres;
    private volatile RunningKafka kafka;
    private RunningKeycloak keycloak;
    private boolean closed;

    private DevStack(StackConfig config, Consumer<String> say) {
        this.config = config;
        this.say = say;
    }

    public static DevStack start(StackConfig config, Consumer<String> say) throws IOException {
        DevStack stack = new DevStack(config, say);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | IOException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() throws IOException {
        pidFiles = new PidFiles(config.home().resolve("run"));
        List<String> reaped = new ArrayList<>(pidFiles.reapStale());
        if (PostgresLauncher.stopLeftoverPostmaster(config.home().resolve("postgres"))) {
            reaped.add("postgres");
        }
        if (!reaped.isEmpty()) {
            say.accept("Stopped processes left by an earlier run: " + String.join(", ", reaped));
        }
        requirePortsFree();
        say.accept("Starting PostgreSQL, Kafka and Keycloak…");
        CompletableFuture<RunningPostgres> pg = async(() -> {
            RunningPostgres p = PostgresLauncher.start(config.home().resolve("postgres"), config.postgresPort(), !config.keepData());
            for (SuiteService s : SuiteService.values()) {
                if (s.database() != null) {
                    p.ensureDatabase(s.database(), s.database(), password(s));
                }
            }
            return p;
        });
        CompletableFuture<RunningKafka> broker = async(this::launchKafka);
        CompletableFuture<RunningKeycloak> kc = async(() -> KeycloakLauncher.start(config.home().resolve("keycloak"),
                config.realmFile(), config.keycloakPort(), config.keycloakManagementPort(),
                config.logs().resolve("keycloak.log"), pidFiles, say));
        // Wait for all three before failing, so whatever did start is stopped again by close().
        CompletableFuture.allOf(pg, broker, kc).exceptionally(e -> null).join();
        pg.thenAccept(p -> postgres = remember(p));
        broker.thenAccept(k -> {
            kafka = k;
            // The broker that is running when the stack stops: startKafka() may have replaced the first one.
            started.push(() -> kafka.close());
        });
        kc.thenAccept(k -> keycloak = remember(k));
        join(pg);
        join(broker);
        join(kc);
        say.accept("PostgreSQL, Kafka and Keycloak are ready; starting the services…");

        Map<SuiteService, ChildProcess> launched = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Long> launchedAt = new EnumMap<>(SuiteService.class);
        started.push(this::stopApps);
        for (SuiteService service : SuiteService.values()) {
            launchedAt.put(service, System.nanoTime());
            launched.put(service, launch(service, environment(service)));
        }
        List<CompletableFuture<Void>> ready = launched.entrySet().stream()
                .map(e -> CompletableFuture.runAsync(() -> {
                    Readiness.awaitHttpOk(config.url(e.getKey()) + "/q/health/ready", Duration.ofMinutes(2),
                            e.getValue()::checkAlive);
                    startTimes.put(e.getKey(), Duration.ofNanos(System.nanoTime() - launchedAt.get(e.getKey())));
                }))
                .toList();
        ready.forEach(DevStack::join);
    }

    private RunningKafka launchKafka() throws IOException {
        return KafkaLauncher.start(config.home().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort(),
                config.logs().resolve("kafka.log"), pidFiles);
    }

    /** Stops the broker (SIGTERM: a controlled shutdown); its topics and offsets stay on disk for {@link #startKafka()}. */
    public synchronized void stopKafka() {
        kafka.close();
    }

    /** Starts the broker again on the same data and ports after {@link #stopKafka()}; returns once it answers. */
    public synchronized void startKafka() throws IOException {
        if (kafka.process().isAlive()) {
            throw new IllegalStateException("Kafka is running");
        }
        kafka = launchKafka();
    }

    /**
     * Kills an application with SIGKILL, as a crash or the OOM killer would: no shutdown hook runs, nothing is
     * flushed, open transactions and the consumer group membership are left for the others to time out. Returns
     * the exit code (137).
     */
    public synchronized int kill(SuiteService service) throws InterruptedException {
        return apps.get(service).kill(Duration.ofSeconds(30));
    }

    /** Starts an application again with the stack's configuration (after {@link #kill} or to undo an override). */
    public void restart(SuiteService service) throws IOException {
        restart(service, Map.of());
    }

    /**
     * Stops an application if it runs and starts it again with {@code properties} added to its configuration (a
     * datasource URL, say); returns once it is ready.
     */
    public void restart(SuiteService service, Map<String, String> properties) throws IOException {
        ChildProcess app;
        long launchedAt;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the stack is stopped");
            }
            stop(service);
            Map<String, String> env = environment(service);
            properties.forEach((name, value) -> env.put(StackConfig.environmentName(name), value));
            launchedAt = System.nanoTime();
            app = launch(service, env);
        }
        Readiness.awaitHttpOk(config.url(service) + "/q/health/ready", Duration.ofMinutes(2), app::checkAlive);
        startTimes.put(service, Duration.ofNanos(System.nanoTime() - launchedAt));
    }

    private ChildProcess launch(SuiteService service, Map<String, String> environment) throws IOException {
        // Recorded class data lives with data that is kept; a throw-away stack starts with the build's archive.
        ClassData data = ClassData.of(service, config.quarkusApp(service), config.keepData() ? config.home().resolve("class-data") : null);
        ChildProcess app = QuarkusAppLauncher.start(service, config.quarkusApp(service), data, environment,
                config.logs().resolve(service.module() + ".log"), pidFiles, config.home().resolve("run"));
        classData.put(service, data);
        apps.put(service, app);
        return app;
    }

    /**
     * Stops the applications that run now (restart() may have replaced the first ones): the gateway first, so that no
     * caller reaches a service that is stopping, then the services side by side, as each may be writing its class data.
     */
    private void stopApps() {
        if (classData.values().stream().anyMatch(ClassData::recording)) {
            say.accept("Saving the applications' class data for quicker starts (once a build)…");
        }
        if (apps.containsKey(SuiteService.GATEWAY)) {
            stop(SuiteService.GATEWAY);
        }
        apps.keySet().stream().filter(service -> service != SuiteService.GATEWAY)
                .map(service -> CompletableFuture.runAsync(() -> stop(service)))
                .toList()
                .forEach(CompletableFuture::join);
    }

    /** Stops the application if it runs (SIGTERM; SIGKILL after 20 s) and keeps the class data it recorded. */
    private void stop(SuiteService service) {
        ChildProcess running = apps.get(service);
        if (running.isAlive()) {
            running.stop(Duration.ofSeconds(20));
        }
        classData.get(service).keep(running);
    }

    /** Fails before starting anything when another program (or another suite) holds one of our ports. */
    private void requirePortsFree() {
        List<Integer> ports = new java.util.ArrayList<>(List.of(config.postgresPort(), config.kafkaPort(),
                config.kafkaControllerPort(), config.keycloakPort(), config.keycloakManagementPort(),
                config.gatewayManagementPort()));
        for (SuiteService service : SuiteService.values()) {
            ports.add(config.port(service));
        }
        List<Integer> taken = ports.stream().filter(DevStack::inUse).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("port(s) " + taken + " are in use (is another ./xietong up running?); "
                    + "stop it or move every port with XIETONG_PORT_OFFSET=N");
        }
    }

    private static boolean inUse(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    Map<String, String> environment(SuiteService service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.port(service)));
        env.putAll(StackConfig.bindEnvironment(service));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        if (service == SuiteService.GATEWAY) {
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(config.gatewayManagementPort()));
            for (SuiteService upstream : SuiteService.values()) {
                if (upstream.database() != null) {
                    env.put("XIETONG_GATEWAY_SERVICES_" + upstream.database().toUpperCase() + "_URL", config.url(upstream));
                }
            }
        } else {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", service.database());
            env.put("QUARKUS_DATASOURCE_PASSWORD", password(service));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            // A local stack: partners' receivers (the README's example, the system tests') listen on loopback HTTP.
            env.put("XIETONG_DELIVERY_ALLOW_LOOPBACK_HTTP", "true");
        }
        env.putAll(config.appEnvironment(service));
        return env;
    }

    /** Local-only credentials: PostgreSQL listens on loopback alone. */
    private static String password(SuiteService service) {
        return service.database() + "-dev";
    }

    public StackConfig config() {
        return config;
    }

    public RunningPostgres postgres() {
        return postgres;
    }

    public RunningKafka kafka() {
        return kafka;
    }

    public RunningKeycloak keycloak() {
        return keycloak;
    }

    public ChildProcess app(SuiteService service) {
        return apps.get(service);
    }

    /**
     * From launching the application's JVM to the first 200 of its {@code /q/health/ready}, polled every 100 ms: at
     * the stack's start, beside the other applications, or, after {@link #restart}, alone on the running stack.
     */
    public Duration startTime(SuiteService service) {
        Duration time = startTimes.get(service);
        if (time == null) {
            throw new IllegalStateException(service.module() + " has not become ready");
        }
        return time;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                say.accept("while stopping: " + e);
            }
        }
    }

    interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> CompletableFuture<T> async(IoSupplier<T> supplier) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return supplier.get();
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
