package cn.ecozone.layer;

/**
 * When a layer's journal is folded into its file automatically: after an edit that leaves at least {@code maxEdits}
 * entries or {@code maxBytes} bytes in the journal (0 turns that trigger off). Environment:
 * {@code ECOZONE_COMPACT_EDITS} (default 1000) and {@code ECOZONE_COMPACT_BYTES} (default 64 MiB).
 */
public record CompactionPolicy(int maxEdits, long maxBytes) {
    public static final CompactionPolicy DEFAULTS = new CompactionPolicy(1000, 64L * 1024 * 1024);
    public static final CompactionPolicy NEVER = new CompactionPolicy(0, 0);

    public boolean due(int edits, long bytes) {
        return (maxEdits > 0 && edits >= maxEdits) || (maxBytes > 0 && bytes >= maxBytes);
    }

    public static CompactionPolicy fromEnvironment() {
        return new CompactionPolicy((int) env("ECOZONE_COMPACT_EDITS", DEFAULTS.maxEdits), env("ECOZONE_COMPACT_BYTES", DEFAULTS.maxBytes));
    }

    private static long env(String name, long fallback) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Math.max(0, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " 应为整数 / must be a whole number: " + v);
        }
    }
}
