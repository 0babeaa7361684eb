package cn.ecozone.layer;

import cn.ecozone.config.EcoZoneConfig;

/**
 * When a layer's journal is folded into its file automatically: after an edit that leaves at least {@code maxEdits}
 * entries or {@code maxBytes} bytes in the journal (0 turns that trigger off). Configured by {@code ops.compact-edits}
 * (env {@code ECOZONE_COMPACT_EDITS}, default 1000) and {@code ops.compact-bytes} (env {@code ECOZONE_COMPACT_BYTES},
 * default 64 MiB).
 */
public record CompactionPolicy(int maxEdits, long maxBytes) {
    public static final CompactionPolicy DEFAULTS = new CompactionPolicy(EcoZoneConfig.defaults().ops().compactEdits(),
            EcoZoneConfig.defaults().ops().compactBytes());
    public static final CompactionPolicy NEVER = new CompactionPolicy(0, 0);

    public boolean due(int edits, long bytes) {
        return (maxEdits > 0 && edits >= maxEdits) || (maxBytes > 0 && bytes >= maxBytes);
    }
}
