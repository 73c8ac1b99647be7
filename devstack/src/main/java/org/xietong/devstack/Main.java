package org.xietong.devstack;

import sun.misc.Signal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** {@code up}: run the suite in the foreground until Ctrl-C. {@code token USER}: print an access token. */
public final class Main {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "up" -> up(config);
            case "token" -> {
                if (args.length < 2) {
                    fail("usage: token USER [PASSWORD]");
                }
                token(config, args[1], args.length > 2 ? args[2] : args[1]);
            }
            default -> fail("commands: up | token USER [PASSWORD]");
        }
    }

    private static void up(StackConfig config) throws IOException, InterruptedException {
        long begin = System.nanoTime();
        DevStack stack;
        try {
            stack = DevStack.start(config, OUT::println);
        } catch (RuntimeException e) {
            fail("The suite did not start: " + e.getMessage() + "\nLogs: " + config.logs());
            return;
        }
        Duration ready = Duration.ofNanos(System.nanoTime() - begin);
        loadDemoData(config, stack);
        OUT.println(ReadyTable.render(stack, DemoAccounts.read(config.realmFile()), ready));

        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            OUT.println("\nStopping the suite…");
            stack.close();
            OUT.println("Stopped. Data is kept in " + config.home());
            stopped.countDown();
        };
        // Our own handlers run the ordered stop before the JVM's shutdown hooks (zonky registers one of its own).
        Signal.handle(new Signal("INT"), s -> new Thread(stop).start());
        Signal.handle(new Signal("TERM"), s -> new Thread(stop).start());
        new Supervisor(stack, OUT::println).start();
        stopped.await();
        System.exit(0);
    }

    /** The first start of a data directory fills it with the seed stories' schools, pairs, activities, teachers and posts. */
    private static void loadDemoData(StackConfig config, DevStack stack) {
        try {
            TokenClient tokens = new TokenClient(stack.keycloak().issuer(), Duration.ofMillis(500),
                    failure -> OUT.println("   " + failure));
            DemoData.Tokens demoUsers = user -> tokens.passwordGrant(user, user);
            DemoData.loadOnce(config, config.url(SuiteService.GATEWAY), demoUsers).ifPresent(loaded -> OUT.printf(
                    "Loaded the demo data: %d schools, %d pairings, %d alliances and school districts, %d activities; %d teachers, %d posts, "
                            + "%d proposed assignments of which %d confirmed; %d healthcare steps (deploy/demo/).%n",
                    loaded.schools(), loaded.pairings(), loaded.alliances(), loaded.activities(), loaded.teachers(),
                    loaded.posts(), loaded.proposed(), loaded.confirmed(), loaded.healthcareSteps()));
        } catch (IOException e) {
            OUT.println("!! The demo data could not be loaded: " + e.getMessage());
        }
    }

    private static void token(StackConfig config, String user, String password) throws IOException {
        String issuer = "http://localhost:" + config.keycloakPort() + "/realms/xietong";
        TokenClient client = new TokenClient(issuer);
        DemoAccounts accounts = DemoAccounts.read(config.realmFile());
        String token;
        try {
            var partner = accounts.partners().stream().filter(p -> p.clientId().equals(user)).findFirst();
            token = partner.isPresent()
                    ? client.clientCredentials(partner.get().clientId(), partner.get().secret())
                    : client.passwordGrant(user, password);
        } catch (java.net.ConnectException e) {
            fail("Keycloak is not running on " + issuer + ": start the suite with ./xietong up");
            return;
        } catch (IOException e) {
            fail(e.getMessage());
            return;
        }
        OUT.println(token);
    }

    private static void fail(String message) {
        System.err.println(message.toLowerCase(Locale.ROOT).startsWith("usage") ? message : "xietong: " + message);
        System.exit(1);
    }
}
