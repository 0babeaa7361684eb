package cn.ecozone.analysis;

import cn.ecozone.layer.IndexedFeature;

/**
 * What one site check may build and read while it runs, whatever was estimated beforehand: vertices of the zones it
 * meets, hit + nearby entries of its result, and JTS overlays made where boundaries touch or share edges (each one
 * a geometry as large as the site and the zone). Passing any of them stops the check with {@link AnalysisLimitExceeded}
 * (HTTP 413): no valid input builds an unbounded result. Immutable; {@link #meter()} counts one run.
 */
public record AnalysisCaps(long maxZoneVertices, int maxEntries, int maxOverlays) {
    public static final AnalysisCaps NONE = new AnalysisCaps(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    public Meter meter() {
        return new Meter(this);
    }

    /** The counts of one run; not thread-safe. */
    public static final class Meter {
        private final AnalysisCaps caps;
        private long vertices;
        private int entries, overlays;

        Meter(AnalysisCaps caps) {
            this.caps = caps;
        }

        /** A zone read. */
        public void zone(IndexedFeature zone) {
            vertices += zone.vertices();
            if (vertices > caps.maxZoneVertices) {
                throw new AnalysisLimitExceeded("区域顶点数", "zone vertices met", vertices, caps.maxZoneVertices);
            }
        }

        /** A hit or nearby entry added to the result. */
        public void entry() {
            if (++entries > caps.maxEntries) {
                throw new AnalysisLimitExceeded("结果条目数（压占 + 邻近）", "result entries (hits + nearby)", entries, caps.maxEntries);
            }
        }

        /** An overlay fallback about to be made. */
        public void overlay() {
            if (++overlays > caps.maxOverlays) {
                throw new AnalysisLimitExceeded("需叠加计算的区域数（边界相接或共边）", "zones needing an overlay (shared or touching boundaries)",
                        overlays, caps.maxOverlays);
            }
        }

        public long vertices() {
            return vertices;
        }

        public int entries() {
            return entries;
        }

        public int overlays() {
            return overlays;
        }
    }
}
