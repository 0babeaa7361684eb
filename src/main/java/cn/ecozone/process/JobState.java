package cn.ecozone.process;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job as persisted in its folder ({@code job.json}): OGC API – Processes status info plus progress. Mutable, guarded
 * by {@link Jobs}.
 */
public final class JobState {
    public String jobID;
    public String processID;
    public String status; // accepted, running, successful, failed, dismissed
    public String message;
    public String created, started, finished, updated;
    public int processed, total, failedRows;
    /** Times the job was resumed after a restart. */
    public int resumed;
    public String dataVersion;
    /** output id → media type of the results stored in {@code results/}. */
    public Map<String, String> outputs = new LinkedHashMap<>();
    /** Inline results (small JSON: the summary, the changes) for the results document. */
    public Map<String, Object> inline = new LinkedHashMap<>();

    public boolean finished() {
        return "successful".equals(status) || "failed".equals(status) || "dismissed".equals(status);
    }

    JobState copy() {
        JobState c = new JobState();
        c.jobID = jobID;
        c.processID = processID;
        c.status = status;
        c.message = message;
        c.created = created;
        c.started = started;
        c.finished = finished;
        c.updated = updated;
        c.processed = processed;
        c.total = total;
        c.failedRows = failedRows;
        c.resumed = resumed;
        c.dataVersion = dataVersion;
        c.outputs = new LinkedHashMap<>(outputs);
        c.inline = new LinkedHashMap<>(inline);
        return c;
    }
}
