package cn.ecozone.layer;

import java.util.List;

/**
 * The candidates of a point — the features whose envelope holds it, what {@link FeatureSource#candidates} gives for a
 * point's envelope — from a grid of cells instead of walking the layer's tree: identify's index query (two STRtree
 * walks, ≈ 4 µs a layer set on the national load) becomes one cell's list. Each cell lists the features whose
 * envelope meets it, in the order the source's own query returns them (the grid is filled from {@code
 * candidates(extent)}, the whole tree in its order), so the candidates of a point are the same features in the same
 * order. Made once per layer version by whoever asks; a grid that would hold more than {@link #MAX_ENTRIES_PER_FEATURE}
 * entries a feature on average (huge zones, very uneven data) is not made ({@link #of} gives null).
 * Immutable: safe for any number of readers.
 */
public final class PointGrid {
    /** A grid averaging more entries a feature than this is not made: the tree serves such a layer. */
    static final int MAX_ENTRIES_PER_FEATURE = 16;

    private final double minX, minY, cellW, cellH;
    private final int nx, ny;
    /** Cell c lists {@code items[start[c]] … items[start[c + 1] − 1]}. */
    private final int[] start;
    private final IndexedFeature[] items;

    private PointGrid(double minX, double minY, double cellW, double cellH, int nx, int ny, int[] start, IndexedFeature[] items) {
        this.minX = minX;
        this.minY = minY;
        this.cellW = cellW;
        this.cellH = cellH;
        this.nx = nx;
        this.ny = ny;
        this.start = start;
        this.items = items;
    }

    /**
     * The grid of an in-memory source's features (about one cell a feature), or null when the source is not in memory
     * (a PostGIS layer is queried where it is), is empty or the grid would be too large.
     */
    public static PointGrid of(FeatureSource source) {
        if (!(source instanceof MemoryFeatureSource)) return null;
        List<IndexedFeature> all = source.candidates(source.extent());
        int n = all.size();
        if (n == 0) return null;
        org.locationtech.jts.geom.Envelope x = source.extent();
        double w = Math.max(x.getWidth(), 1e-9), h = Math.max(x.getHeight(), 1e-9);
        // about one cell a feature, square cells
        double side = Math.sqrt(w * h / n);
        int nx = (int) Math.max(1, Math.min(4096, Math.ceil(w / side))), ny = (int) Math.max(1, Math.min(4096, Math.ceil(h / side)));
        double cellW = w / nx, cellH = h / ny;
        int[] count = new int[nx * ny + 1];
        long entries = 0;
        for (IndexedFeature f : all) {
            org.locationtech.jts.geom.Envelope e = f.envelope();
            int x0 = cell(e.getMinX(), x.getMinX(), cellW, nx), x1 = cell(e.getMaxX(), x.getMinX(), cellW, nx);
            int y0 = cell(e.getMinY(), x.getMinY(), cellH, ny), y1 = cell(e.getMaxY(), x.getMinY(), cellH, ny);
            entries += (long) (x1 - x0 + 1) * (y1 - y0 + 1);
            if (entries > (long) MAX_ENTRIES_PER_FEATURE * n) return null;
            for (int j = y0; j <= y1; j++) for (int i = x0; i <= x1; i++) count[j * nx + i + 1]++;
        }
        for (int c = 1; c < count.length; c++) count[c] += count[c - 1];
        int[] start = count.clone();
        IndexedFeature[] items = new IndexedFeature[(int) entries];
        int[] next = count; // the next free slot of each cell
        for (IndexedFeature f : all) {
            org.locationtech.jts.geom.Envelope e = f.envelope();
            int x0 = cell(e.getMinX(), x.getMinX(), cellW, nx), x1 = cell(e.getMaxX(), x.getMinX(), cellW, nx);
            int y0 = cell(e.getMinY(), x.getMinY(), cellH, ny), y1 = cell(e.getMaxY(), x.getMinY(), cellH, ny);
            for (int j = y0; j <= y1; j++) for (int i = x0; i <= x1; i++) items[next[j * nx + i]++] = f;
        }
        return new PointGrid(x.getMinX(), x.getMinY(), cellW, cellH, nx, ny, start, items);
    }

    /** The cell of a coordinate along one axis: monotonic in v, clamped to the grid. */
    private static int cell(double v, double min, double size, int n) {
        int i = (int) Math.floor((v - min) / size);
        return i < 0 ? 0 : Math.min(i, n - 1);
    }

    /** Receives a point's candidates one by one. */
    @FunctionalInterface
    public interface Visitor {
        /** @return false to stop */
        boolean visit(IndexedFeature candidate);
    }

    /**
     * Hands the features whose envelope holds (x, y) to {@code visitor}, in the source's query order, until it
     * returns false. A point outside the layer's extent has none.
     */
    public void candidates(double x, double y, Visitor visitor) {
        if (!(x >= minX && y >= minY)) return;
        int i = cell(x, minX, cellW, nx), j = cell(y, minY, cellH, ny);
        int c = j * nx + i;
        for (int k = start[c], end = start[c + 1]; k < end; k++) {
            IndexedFeature f = items[k];
            if (f.envelope().intersects(x, y) && !visitor.visit(f)) return;
        }
    }

    /** Entries over all cells (for tests and memory figures). */
    public int entries() {
        return items.length;
    }
}
