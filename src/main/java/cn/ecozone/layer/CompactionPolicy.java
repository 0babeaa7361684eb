package cn.ecozone.layer;

/**
 * When a layer's journal is folded into its file automatically: after an edit that leaves at least {@code maxEdits}
 * entries or {@code maxBytes} bytes in the journal (0 turns that trigger off). Configured by {@code ops.compact-edits}
 * (env {@code ECOZONE_COMPACT_EDITS}, default 1000) and {@code ops.compact-bytes} (env {@code ECOZONE_COMPACT_BYTES},
 * default 64 MiB).
 */
public record CompactionPolicy(int maxEdits, long maxBytes) {
    /** The defaults of {@code ops.compact-edits} and {@code ops.compact-bytes} ({@code cn.ecozone.config.Setting} lists them from here). */
    public static final CompactionPolicy DEFAULTS = new CompactionPolicy(1000, 64L * 1024 * 1024);
    public static final CompactionPolicy NEVER = new CompactionPolicy(0, 0);

    public boolean due(int edits, long bytes) {
        return (maxEdits > 0 && edits >= maxEdits) || (maxBytes > 0 && bytes >= maxBytes);
    }
}
