package cn.ecozone.geo;

/** Axis-aligned boxes packed in a double array, four numbers each: minX, minY, maxX, maxY. */
public final class Boxes {
    private Boxes() {}

    /**
     * The union of each group of {@code group} consecutive boxes of the first {@code count} in {@code boxes}, written to
     * {@code out} (box {@code g} covers boxes {@code g·group} up to {@code (g+1)·group − 1}, the last group possibly
     * shorter): the boxes of runs of segments, and of blocks of runs, that let a search skip many segments at once.
     */
    public static void unionOfGroups(double[] boxes, int count, int group, double[] out) {
        for (int g = 0, groups = (count + group - 1) / group; g < groups; g++) {
            int from = g * group, to = Math.min(count, from + group);
            double minX = boxes[4 * from], minY = boxes[4 * from + 1], maxX = boxes[4 * from + 2], maxY = boxes[4 * from + 3];
            for (int i = from + 1; i < to; i++) {
                minX = Math.min(minX, boxes[4 * i]);
                minY = Math.min(minY, boxes[4 * i + 1]);
                maxX = Math.max(maxX, boxes[4 * i + 2]);
                maxY = Math.max(maxY, boxes[4 * i + 3]);
            }
            out[4 * g] = minX;
            out[4 * g + 1] = minY;
            out[4 * g + 2] = maxX;
            out[4 * g + 3] = maxY;
        }
    }
}
