package cn.ecozone.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The standard C load generators the strongest-baseline benchmarks use: {@code wrk} (Debian's 4.1) against EcoZone
 * with a Lua script that sends a file's requests round-robin, and {@code pgbench} against PostgreSQL with a custom
 * script, its per-transaction log read back for p50/p99. Both fail loudly (never skip) when the tool is missing or
 * reports an error.
 */
final class ExternalLoad {
    private ExternalLoad() {}

    /**
     * PostgreSQL settings for the interactive queries' sessions (pgbench through PGOPTIONS, JDBC through {@link
     * #tune}): no parallel workers and no JIT. With the defaults the planner, misled by PostGIS's high function costs,
     * runs a 2 ms site check as a Parallel Append with 2 workers (measured at load average ≈ 30: p50 440–620 ms).
     */
    static final String PG_SESSION = "-c max_parallel_workers_per_gather=0 -c jit=off";

    static void tune(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SET max_parallel_workers_per_gather = 0");
            s.execute("SET jit = off");
        }
    }

    /**
     * One run's figures: requests, seconds, p50 and p99 in ms as the tool reports them (wrk: its own, corrected for
     * coordinated omission — see {@link #correct}; pgbench: from its per-transaction log, as measured), the requests
     * that failed, and both sides in both conventions: {@code rawP50/rawP99} each request's latency as measured
     * (wrk: timed by the Lua script around each request), {@code coP50/coP99} with wrk's correction (pgbench's log
     * corrected the same way).
     */
    record Run(long requests, double seconds, double p50, double p99, long failed, double rawP50, double rawP99, double coP50, double coP99,
               double rawMax) {
        Run(long requests, double seconds, double p50, double p99, long failed) {
            this(requests, seconds, p50, p99, failed, p50, p99, p50, p99, Double.NaN);
        }

        double perSecond() {
            return requests / seconds;
        }
    }

    /**
     * wrk 4.1's correction for coordinated omission ({@code stats_correct} in its wrk.c, applied to every run before
     * its percentiles are read, also by a Lua {@code done}): with {@code interval} = the run's time ÷ the requests per
     * connection, each latency {@code n ≥ 2·interval} gets synthetic samples at {@code n − interval}, {@code n −
     * 2·interval}, … while above {@code interval} — the requests a fixed-rate client would have sent during the
     * stall. So one 50 ms stall in a run of 0.2 ms requests adds ≈ 250 samples between 0.2 and 50 ms; a closed-loop
     * pgbench log has no such samples. Latencies in µs (integers, as wrk keeps them); returns the corrected sample.
     */
    static long[] correct(long[] us, double runtimeUs, int connections) {
        long complete = us.length;
        if (complete / connections == 0) return us.clone();
        long interval = (long) (runtimeUs / (complete / connections));
        if (interval <= 0) return us.clone();
        List<Long> out = new ArrayList<>(us.length * 2);
        for (long n : us) {
            out.add(n);
            if (n < 2 * interval) continue;
            for (long m = n - interval; m > interval; m -= interval) out.add(m);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The wrk script: every line of {@code BENCH_FILE} is one request — a body POSTed to {@code BENCH_PATH}, or (GET)
     * a path — sent round-robin, each thread starting at its own offset; answers other than 200 are counted.
     */
    static final String WRK_LUA = """
            local ffi = require("ffi")
            ffi.cdef[[
            typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
            int clock_gettime(int clk, bench_timespec *tp);
            ]]
            local ts = ffi.new("bench_timespec")
            local function now_us()
              ffi.C.clock_gettime(1, ts)
              return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
            end
            local threads = {}
            local counter = 0
            function setup(thread)
              thread:set("tid", counter)
              counter = counter + 1
              table.insert(threads, thread)
            end
            function init(args)
              reqs = {}
              lat = {}
              local post = os.getenv("BENCH_METHOD") == "POST"
              for line in io.lines(os.getenv("BENCH_FILE")) do
                if post then
                  reqs[#reqs + 1] = wrk.format("POST", os.getenv("BENCH_PATH"), {["Content-Type"] = os.getenv("BENCH_TYPE")}, line)
                else
                  reqs[#reqs + 1] = wrk.format("GET", line, {}, nil)
                end
              end
              n = (tid * 997) % #reqs
              bad = 0
            end
            function request()
              n = n % #reqs + 1
              t0 = now_us()
              return reqs[n]
            end
            function response(status, headers, body)
              lat[#lat + 1] = now_us() - t0
              if status ~= 200 then bad = bad + 1 end
            end
            function done(summary, latency, requests)
              local b = 0
              local all = {}
              for _, t in ipairs(threads) do
                b = b + t:get("bad")
                local l = t:get("lat")
                for i = 1, #l do all[#all + 1] = l[i] end
              end
              table.sort(all)
              local function pct(p)
                if #all == 0 then return 0 end
                local r = math.ceil(p / 100 * #all)
                if r < 1 then r = 1 end
                return all[r]
              end
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), b + e.connect + e.read + e.write + e.timeout))
              io.write(string.format("RAW %d %.1f %.1f %.1f\\n", #all, pct(50), pct(99), all[#all] or 0))
            end
            """;

    /** wrk with {@code clients} connections on as many threads for {@code seconds}, requests from {@code file}. */
    static Run wrk(Path dir, int port, String method, String path, String contentType, Path file, int clients, int seconds) throws IOException, InterruptedException {
        return wrk(dir, port, method, path, contentType, file, clients, seconds, pid -> {});
    }

    /** As above, telling {@code started} wrk's process id once it runs. */
    static Run wrk(Path dir, int port, String method, String path, String contentType, Path file, int clients, int seconds,
                   java.util.function.LongConsumer started) throws IOException, InterruptedException {
        Path lua = dir.resolve("round-robin.lua");
        if (!Files.exists(lua)) Files.writeString(lua, WRK_LUA);
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t", String.valueOf(clients), "-c", String.valueOf(clients), "-d", seconds + "s",
                "--timeout", "30s", "--latency", "-s", lua.toString(), "http://127.0.0.1:" + port).redirectErrorStream(true);
        pb.environment().put("BENCH_FILE", file.toString());
        pb.environment().put("BENCH_METHOD", method);
        pb.environment().put("BENCH_PATH", path == null ? "/" : path);
        pb.environment().put("BENCH_TYPE", contentType == null ? "text/plain" : contentType);
        String out = run(pb, seconds + 60, started);
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("wrk printed no result:\n" + out));
        long[] v = Arrays.stream(line.substring(7).trim().split(" ")).mapToLong(Long::parseLong).toArray();
        String rawLine = out.lines().filter(l -> l.startsWith("RAW ")).findFirst()
                .orElseThrow(() -> new AssertionError("wrk printed no raw latencies:\n" + out));
        double[] raw = Arrays.stream(rawLine.substring(4).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        return new Run(v[0], v[1] / 1e6, v[2] / 1e3, v[3] / 1e3, v[4], raw[1] / 1e3, raw[2] / 1e3, v[2] / 1e3, v[3] / 1e3, raw[3] / 1e3);
    }

    /**
     * pgbench with a custom script (prepared statements, {@code clients} clients on as many threads) for
     * {@code seconds}; p50/p99 from its per-transaction log ({@code --log}, latency in µs, third column).
     */
    static Run pgbench(Path dir, int port, String database, String name, String script, int clients, int seconds) throws IOException, InterruptedException {
        return pgbench(dir, port, database, name, script, clients, seconds, pid -> {});
    }

    /** As above, telling {@code started} pgbench's process id once it runs. */
    static Run pgbench(Path dir, int port, String database, String name, String script, int clients, int seconds,
                       java.util.function.LongConsumer started) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".sql");
        Files.writeString(file, script);
        Path logs = Files.createTempDirectory(dir, "pgbench-" + name + "-");
        ProcessBuilder pb = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-f", file.toString(), "-c", String.valueOf(clients),
                "-j", String.valueOf(clients), "-T", String.valueOf(seconds), "--log", "--log-prefix=" + logs.resolve("tx"),
                "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", database).redirectErrorStream(true).directory(logs.toFile());
        pb.environment().put("PGOPTIONS", PG_SESSION);
        String out = run(pb, seconds + 60, started);
        if (out.contains("aborted") || out.contains("ERROR")) throw new AssertionError("pgbench reported errors:\n" + out);
        List<Double> ms = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("tx")).toList()) {
                for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] c = l.trim().split("\\s+");
                    if (c.length >= 3) ms.add(Long.parseLong(c[2]) / 1e3);
                }
            }
        }
        if (ms.isEmpty()) throw new AssertionError("pgbench logged no transaction:\n" + out);
        long failed = out.lines().filter(l -> l.startsWith("number of failed transactions")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("^[^:]*:\\s*(\\d+).*$", "$1"))).orElse(0L);
        double[] a = ms.stream().mapToDouble(Double::doubleValue).toArray();
        long[] us = ms.stream().mapToLong(m -> Math.round(m * 1e3)).toArray();
        double[] co = Arrays.stream(correct(us, seconds * 1e6, clients)).mapToDouble(u -> u / 1e3).toArray();
        double p50 = percentile(a, 50), p99 = percentile(a, 99);
        return new Run(a.length, seconds, p50, p99, failed, p50, p99, percentile(co, 50), percentile(co, 99), Arrays.stream(a).max().orElse(0));
    }

    static double percentile(double[] ms, double pct) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[Math.max(0, Math.min(s.length - 1, (int) Math.ceil(pct / 100.0 * s.length) - 1))];
    }

    static double median(double... v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    static String fmt(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String run(ProcessBuilder pb, int timeoutS, java.util.function.LongConsumer started) throws IOException, InterruptedException {
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError(pb.command().get(0) + " is not installed (Debian: apt-get install wrk postgresql-client): " + e.getMessage(), e);
        }
        started.accept(p.pid());
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(pb.command() + " did not finish in " + timeoutS + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new AssertionError(pb.command() + " exited " + p.exitValue() + ":\n" + text);
        return text;
    }
}
