package org.xietong.devstack.process;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point for supervised child JVMs: runs the real main class and exits as soon as the parent process is
 * gone, so a {@code kill -9} of the devstack or a test JVM never leaves a broker or service behind.
 * Usage: {@code OrphanGuard <parentPid> <mainClass> [args...]}.
 * It deliberately touches no logging API, so the guarded main can install its own log manager.
 */
public final class OrphanGuard {

    private OrphanGuard() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            System.err.println("usage: OrphanGuard <parentPid> <mainClass> [args...]");
            System.exit(2);
        }
        long parentPid = Long.parseLong(args[0]);
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> {
                    System.err.println("parent process " + parentPid + " ended; stopping");
                    System.exit(143);
                }),
                () -> System.exit(143));
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
