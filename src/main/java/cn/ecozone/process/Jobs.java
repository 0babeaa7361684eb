package cn.ecozone.process;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Jobs and their folders: {@code <dir>/<jobId>/job.json} (status and progress, replaced atomically), {@code inputs.json},
 * {@code rows.jsonl} (one line per finished project, appended) and {@code results/}. Jobs run one at a time on one
 * thread, in the order they came. On start every job that was accepted or running when the server stopped is
 * resumed (its finished rows are kept; see {@link Runner}) or, when the runner cannot resume it, marked failed with
 * the reason: never silently lost. The folder is made when the first job arrives.
 */
public final class Jobs implements AutoCloseable {
    /**
     * Reads and writes the jobs' own files. No cap on a string's length: a job's {@code inputs.json} holds the project
     * list inline as one string, as long as the request-size limit let it be (Jackson's default refuses over 20 M).
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** Runs one job: the process behind it. */
    public interface Runner {
        /**
         * Runs (or resumes) the job to its end; throws InterruptedException when stopped by a shutdown (the job then
         * stays running on disk and resumes at the next start).
         */
        void run(Handle job) throws InterruptedException;
    }

    private final Path dir;
    private final Map<String, Runner> runners;
    private final Map<String, JobState> jobs = new ConcurrentHashMap<>();
    private final Map<String, Handle> handles = new ConcurrentHashMap<>();
    static final long PROGRESS_SAVE_NANOS = 10_000_000_000L;

    /**
     * The inputs of the job submitted last, kept for its run so a large inline list is not read back from inputs.json
     * (one job's inputs at most: bounded memory).
     */
    private record Submitted(String id, JsonNode inputs) {}

    private volatile Submitted lastSubmitted;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ecozone-jobs");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });

    public Jobs(Path dir, Map<String, Runner> runners) {
        this.dir = dir;
        this.runners = runners;
        recover();
    }

    public Path dir() {
        return dir;
    }

    /** Every job (newest first). */
    public List<JobState> list() {
        List<JobState> l = new ArrayList<>();
        for (JobState j : jobs.values()) synchronized (j) { l.add(j.copy()); }
        l.sort(Comparator.comparing((JobState j) -> j.created).reversed().thenComparing(j -> j.jobID));
        return l;
    }

    public Optional<JobState> get(String id) {
        JobState j = jobs.get(id);
        if (j == null) return Optional.empty();
        synchronized (j) {
            return Optional.of(j.copy());
        }
    }

    /** Seconds left, from the pace since the job (re)started; null before two rows are done. */
    public Double etaSeconds(String id) {
        Handle h = handles.get(id);
        JobState j = jobs.get(id);
        if (h == null || j == null) return null;
        synchronized (j) {
            int done = j.processed - h.startProcessed;
            if (done < 2 || j.total <= 0 || j.finished()) return j.finished() ? 0.0 : null;
            double perRow = (System.nanoTime() - h.startNanos) / 1e9 / done;
            return Math.round(perRow * (j.total - j.processed) * 10) / 10.0;
        }
    }

    /** Stores the inputs, queues the job and returns its state (accepted). */
    public JobState submit(String processId, JsonNode inputs) {
        if (!runners.containsKey(processId)) throw new ProcessException(ProcessException.Kind.NO_SUCH_PROCESS, processId);
        JobState j = new JobState();
        j.jobID = UUID.randomUUID().toString();
        j.processID = processId;
        j.status = "accepted";
        j.created = j.updated = Instant.now().toString();
        j.message = "排队中 / queued";
        try {
            Path jd = dir.resolve(j.jobID);
            Files.createDirectories(jd.resolve("results"));
            writeAtomically(jd.resolve("inputs.json"), inputs);
            save(j);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.put(j.jobID, j);
        lastSubmitted = new Submitted(j.jobID, inputs);
        queue(j.jobID);
        return j.copy();
    }

    /** Waits until the job has finished (sync execution); false on timeout. */
    public boolean await(String id, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            JobState j = jobs.get(id);
            if (j == null) return true;
            synchronized (j) {
                if (j.finished()) return true;
                j.wait(Math.max(1, Math.min(200, end - System.currentTimeMillis())));
            }
        }
        return false;
    }

    /** Dismisses the job: stops it if it runs, deletes its folder. Returns its last state, status dismissed. */
    public JobState dismiss(String id) {
        JobState j = jobs.remove(id);
        if (j == null) throw new ProcessException(ProcessException.Kind.NO_SUCH_JOB, "没有该任务 / no job " + id);
        synchronized (j) {
            j.status = "dismissed";
            j.message = "已撤销 / dismissed";
            j.updated = Instant.now().toString();
            j.notifyAll();
        }
        Handle h = handles.get(id);
        if (h != null) h.dismissed = true;
        deleteTree(dir.resolve(id));
        return j.copy();
    }

    public Path resultFile(String id, String output) {
        return dir.resolve(id).resolve("results").resolve(output);
    }

    /** The rows a finished or running job has stored. */
    public List<ProjectOutcome> rows(String id) {
        return readRows(dir.resolve(id).resolve("rows.jsonl"));
    }

    private void queue(String id) {
        thread.execute(() -> runJob(id));
    }

    private void runJob(String id) {
        JobState j = jobs.get(id);
        if (j == null) return; // dismissed while queued
        Handle h = new Handle(this, j, dir.resolve(id));
        handles.put(id, h);
        synchronized (j) {
            if (j.started == null) j.started = Instant.now().toString();
            j.status = "running";
            j.message = j.resumed > 0 ? "重启后继续 / resumed after a restart" : "运行中 / running";
            h.startProcessed = j.processed;
        }
        try {
            h.saveNow();
            runners.get(j.processID).run(h);
            if (h.dismissed) return;
            synchronized (j) {
                j.status = "successful";
                j.message = "完成 / done";
                j.finished = j.updated = Instant.now().toString();
                j.notifyAll();
            }
            h.saveNow();
        } catch (InterruptedException e) {
            // shutdown: the job stays "running" on disk and resumes at the next start
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // stopped by a shutdown while writing (ClosedByInterruptException): not a failure, the job resumes
            if (h.dismissed || Thread.currentThread().isInterrupted()) return;
            synchronized (j) {
                j.status = "failed";
                j.message = e instanceof ProcessException || e instanceof BatchInputException ? e.getMessage()
                        : "任务失败 / the job failed: " + e;
                j.finished = j.updated = Instant.now().toString();
                j.notifyAll();
            }
            try {
                h.saveNow();
            } catch (RuntimeException stopped) {
                // a shutdown while the failure is saved (waiters were told first): the job resumes at the next start
                if (!Thread.currentThread().isInterrupted()) throw stopped;
            }
        } finally {
            h.closeRows();
        }
    }

    private void recover() {
        if (!Files.isDirectory(dir)) return;
        List<JobState> resume = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path jd : s.toList()) {
                Path f = jd.resolve("job.json");
                if (!Files.isRegularFile(f)) continue;
                JobState j;
                try {
                    j = MAPPER.readValue(f.toFile(), JobState.class);
                } catch (IOException e) {
                    continue; // a folder without a readable job.json was never accepted (atomic writes)
                }
                jobs.put(j.jobID, j);
                if (!j.finished()) {
                    if (runners.containsKey(j.processID)) {
                        j.resumed++;
                        j.status = "accepted";
                        j.message = "服务重启，排队继续 / the server restarted; queued to resume";
                        resume.add(j);
                    } else {
                        j.status = "failed";
                        j.message = "服务重启，任务无法继续 / the server restarted and the job cannot be resumed";
                        j.finished = Instant.now().toString();
                    }
                    j.updated = Instant.now().toString();
                    save(j);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resume.sort(Comparator.comparing(j -> j.created));
        for (JobState j : resume) queue(j.jobID);
    }

    void save(JobState j) {
        byte[] bytes;
        synchronized (j) {
            if (!jobs.containsKey(j.jobID) && "dismissed".equals(j.status)) return;
            try {
                bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(j);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path jd = dir.resolve(j.jobID);
        if (!Files.isDirectory(jd)) return; // dismissed
        writeAtomically(jd.resolve("job.json"), bytes);
    }

    /** Writes a temporary file, forces it to disk and renames it over the target: readers see old or new, never half. */
    static void writeAtomically(Path target, byte[] bytes) {
        writeAtomically(target, ch -> ch.write(ByteBuffer.wrap(bytes)));
    }

    /**
     * {@link #writeAtomically(Path, byte[])} of {@code MAPPER.writeValueAsBytes(value)}, the JSON streamed into the
     * file instead of made whole first (a job's inputs with an inline list are 105 MB for 10,000 projects).
     */
    static void writeAtomically(Path target, JsonNode value) {
        writeAtomically(target, ch -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
            STREAMING.writeValue(out, value);
            out.flush();
        });
    }

    /** What writes a file's content into its channel. */
    private interface Content {
        void writeTo(FileChannel ch) throws IOException;
    }

    private static void writeAtomically(Path target, Content content) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException dismissed) {
            // the job's folder was deleted meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #MAPPER}'s writer leaving the stream open (the file is forced after the JSON). */
    private static final ObjectWriter STREAMING = MAPPER.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** The complete lines of rows.jsonl (a line cut short by a crash is dropped, and cut off the file). */
    static List<ProjectOutcome> readRows(Path file) {
        List<ProjectOutcome> rows = new ArrayList<>();
        if (!Files.isRegularFile(file)) return rows;
        try {
            byte[] all = Files.readAllBytes(file);
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] != '\n') continue;
                rows.add(MAPPER.readValue(all, start, i - start, ProjectOutcome.class));
                start = i + 1;
            }
            if (start < all.length) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    ch.truncate(start);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> {
                try {
                    Files.deleteIfExists(x);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a running job sees: its inputs, its stored rows, progress and results. */
    public static final class Handle {
        private final Jobs jobs;
        private final JobState state;
        private final Path dir;
        volatile boolean dismissed;
        int startProcessed;
        final long startNanos = System.nanoTime();
        private long lastSave = System.nanoTime();
        private OutputStream rows;

        Handle(Jobs jobs, JobState state, Path dir) {
            this.jobs = jobs;
            this.state = state;
            this.dir = dir;
        }

        public String id() {
            return state.jobID;
        }

        /** The job's inputs: as submitted when this is the last job submitted since the start, else read from inputs.json. */
        public JsonNode inputs() {
            Submitted last = jobs.lastSubmitted;
            if (last != null && last.id.equals(state.jobID)) {
                jobs.lastSubmitted = null; // handed over once: a resumed or re-run job reads its file
                return last.inputs;
            }
            try {
                return MAPPER.readTree(dir.resolve("inputs.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Path dir() {
            return dir;
        }

        public boolean dismissed() {
            return dismissed;
        }

        public int resumed() {
            synchronized (state) {
                return state.resumed;
            }
        }

        public String dataVersion() {
            synchronized (state) {
                return state.dataVersion;
            }
        }

        public void start(int total, String dataVersion) {
            synchronized (state) {
                state.total = total;
                state.dataVersion = dataVersion;
            }
            saveNow();
        }

        /** Rows stored by an earlier run of this job (before a restart). */
        public List<ProjectOutcome> storedRows() {
            List<ProjectOutcome> r = readRows(dir.resolve("rows.jsonl"));
            synchronized (state) {
                state.processed = r.size();
                state.failedRows = (int) r.stream().filter(ProjectOutcome::failed).count();
                startProcessed = r.size();
            }
            return r;
        }

        /**
         * Appends a finished row and counts it; job.json is rewritten at most once a second. Returns the row's JSON (as
         * stored, one line of rows.jsonl without its line break).
         */
        public byte[] row(ProjectOutcome o) {
            try {
                return row(o, MAPPER.writeValueAsBytes(o));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * {@link #row(ProjectOutcome)} with the row's JSON already made ({@code MAPPER.writeValueAsBytes(o)}, e.g. on a
         * job's lane). The line goes to the operating system at once (one write: a crash of the server loses no
         * stored row; a line cut short is dropped when read back).
         */
        byte[] row(ProjectOutcome o, byte[] line) {
            try {
                if (rows == null) {
                    rows = new BufferedOutputStream(Files.newOutputStream(dir.resolve("rows.jsonl"), StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                            1 << 16);
                }
                rows.write(line);
                rows.write('\n');
                rows.flush();
            } catch (IOException e) {
                if (dismissed) return null;
                throw new UncheckedIOException(e);
            }
            synchronized (state) {
                state.processed++;
                if (o.failed()) state.failedRows++;
                state.updated = Instant.now().toString();
                state.message = "已处理 " + state.processed + "/" + state.total + " / processed";
            }
            // progress on disk is only for the job list after a restart (a resumed job counts its rows.jsonl): every
            // 10 s, so the job thread rarely waits for a forced write
            if (System.nanoTime() - lastSave > PROGRESS_SAVE_NANOS) saveNow();
            return line;
        }

        public void result(String output, String mediaType, byte[] bytes) {
            writeAtomically(dir.resolve("results").resolve(output), bytes);
            synchronized (state) {
                state.outputs.put(output, mediaType);
            }
        }

        /** A result written to a file of its own (see {@link BatchOutput}): renamed to the output's name. */
        void resultFile(String output, String mediaType, Path written) {
            Path target = dir.resolve("results").resolve(output);
            try {
                try {
                    Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (NoSuchFileException dismissed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            synchronized (state) {
                state.outputs.put(output, mediaType);
            }
        }

        public void inline(String output, Object value) {
            synchronized (state) {
                state.inline.put(output, value);
            }
        }

        void saveNow() {
            lastSave = System.nanoTime();
            if (!dismissed) jobs.save(state);
        }

        void closeRows() {
            if (rows == null) return;
            try {
                rows.close();
            } catch (IOException ignored) {
                // closing
            }
            rows = null;
        }
    }
}
