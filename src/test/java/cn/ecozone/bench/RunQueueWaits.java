package cn.ecozone.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * How long a run's server and client threads were runnable but waiting for a CPU ({@code /proc/PID/task/TID/schedstat},
 * its second field, ns): sampled from 1 s after the client started to 0.5 s before its end, over the threads present at
 * both samples — EcoZone's Jetty threads or PostgreSQL's backends of the benchmark's database, and wrk's or pgbench's
 * threads. What the 2-client tail is made of on a machine whose cores the server and the client share.
 */
final class RunQueueWaits {
    /** The sampled window: its length, and the waits summed over the server's and the client's threads in it. */
    record Window(double seconds, long serverWaitNs, long clientWaitNs) {}

    private RunQueueWaits() {}

    /** Starts sampling; the future completes shortly before the run ends. */
    static CompletableFuture<Window> watch(Supplier<List<Path>> server, long clientPid, int seconds) {
        CompletableFuture<Window> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(1000);
                long t0 = System.nanoTime();
                Map<Path, Long> s0 = read(server.get()), c0 = read(tasksOf(clientPid));
                Thread.sleep(Math.max(0, seconds * 1000L - 1500));
                Map<Path, Long> s1 = read(server.get()), c1 = read(tasksOf(clientPid));
                f.complete(new Window((System.nanoTime() - t0) / 1e9, grown(s0, s1), grown(c0, c1)));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "run-queue-sampler");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** This JVM's Jetty threads (their names are cut to 15 characters by the kernel: "JettyServerThre"). */
    static List<Path> jettyTasks() {
        List<Path> out = new ArrayList<>();
        for (Path t : tasksOf(ProcessHandle.current().pid())) {
            try {
                if (Files.readString(t.resolve("comm")).startsWith("JettyServer")) out.add(t);
            } catch (IOException gone) {
                // the thread ended between listing and reading
            }
        }
        return out;
    }

    /** The threads of PostgreSQL's backends serving this database ("postgres: USER DB HOST(PORT) …" in their command line). */
    static List<Path> backendTasks(String database) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.startsWith("postgres: ") && cmd.contains(" " + database + " ")) out.addAll(tasksOf(Long.parseLong(p.getFileName().toString())));
                } catch (IOException gone) {
                    // the process ended between listing and reading
                }
            }
        } catch (IOException e) {
            throw new AssertionError("/proc: " + e, e);
        }
        return out;
    }

    static List<Path> tasksOf(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.toList();
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** Each task's wait so far, ns. */
    static Map<Path, Long> read(List<Path> tasks) {
        Map<Path, Long> m = new HashMap<>();
        for (Path t : tasks) {
            try {
                m.put(t, Long.parseLong(Files.readString(t.resolve("schedstat")).trim().split(" ")[1]));
            } catch (IOException gone) {
                // the thread ended between listing and reading
            }
        }
        return m;
    }

    private static long grown(Map<Path, Long> before, Map<Path, Long> after) {
        long sum = 0;
        for (var e : after.entrySet()) if (before.containsKey(e.getKey())) sum += e.getValue() - before.get(e.getKey());
        return sum;
    }
}
