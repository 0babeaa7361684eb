package cn.ecozone.tiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG encoding of a map tile (8-bit, non-interlaced, no ancillary chunks but the palette's transparency), without
 * ImageIO: in the packaged jar ImageIO's service registry fails to start (a JAI image I/O provider bundled by the GeoTools
 * wrapper reads its vendor from its jar's manifest, which shading replaces: "vendorName == null"), so every map tile was
 * a 500 and the tile warm-up died on its first tile.
 * <p>
 * A tile painted in at most 256 colours (alpha included; tiles of few classes and overlaps — a national tile, with
 * anti-aliased edges between translucent fills, has a few hundred) is written with a palette (colour type 3, one byte
 * a pixel, {@code PLTE} + {@code tRNS}): the same pixels in a quarter of the bytes to inflate in the browser. Others
 * are RGBA (colour type 6), rows unfiltered ({@link #rgbaRows}). Lossless both ways: decoding gives back exactly the
 * image's ARGB values ({@code PngEncoderTest}).
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Deflate level: as ImageIO's writer at its default quality 0.5. */
    static final int LEVEL = 4;

    private PngEncoder() {}

    /** The image (any type; read as ARGB, not premultiplied) as PNG bytes. */
    public static byte[] encode(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        return encode(argb, w, h);
    }

    /** Pixels as ARGB ints, row by row, as PNG bytes: with a palette when they hold at most 256 values. */
    static byte[] encode(int[] argb, int w, int h) {
        int[] palette = palette(argb);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        out.writeBytes(SIGNATURE);
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, w);
        putInt(ihdr, 4, h);
        ihdr[8] = 8; // bit depth
        ihdr[9] = (byte) (palette != null ? 3 : 6);
        chunk(out, "IHDR", ihdr, ihdr.length);
        byte[] raw;
        if (palette != null) {
            byte[] plte = new byte[3 * palette.length], trns = new byte[palette.length];
            int lastOpaque = -1;
            for (int i = 0; i < palette.length; i++) {
                int c = palette[i];
                plte[3 * i] = (byte) (c >> 16);
                plte[3 * i + 1] = (byte) (c >> 8);
                plte[3 * i + 2] = (byte) c;
                trns[i] = (byte) (c >>> 24);
                if ((c >>> 24) != 255) lastOpaque = i;
            }
            chunk(out, "PLTE", plte, plte.length);
            if (lastOpaque >= 0) chunk(out, "tRNS", trns, lastOpaque + 1);
            raw = indexedRows(argb, w, h, palette);
        } else {
            raw = rgbaRows(argb, w, h);
        }
        Deflater d = new Deflater(LEVEL);
        try {
            d.setInput(raw);
            d.finish();
            byte[] buf = new byte[Math.max(1024, raw.length / 4)];
            ByteArrayOutputStream idat = new ByteArrayOutputStream(buf.length);
            while (!d.finished()) {
                int n = d.deflate(buf);
                idat.write(buf, 0, n);
            }
            byte[] z = idat.toByteArray();
            chunk(out, "IDAT", z, z.length);
        } finally {
            d.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
    }

    /**
     * The distinct colours, transparent ones first (so that {@code tRNS} can stop at the last of them), or null when
     * there are more than 256. Transparent pixels keep their RGB bits: the picture is given back exactly.
     */
    static int[] palette(int[] argb) {
        int[] table = new int[1024]; // open addressing over the colours seen (at most 257 stored)
        boolean[] used = new boolean[1024];
        int n = 0;
        int[] seen = new int[257];
        int last = 0;
        boolean any = false;
        for (int c : argb) {
            if (any && c == last) continue; // runs of one colour: most of a tile
            any = true;
            last = c;
            int slot = (mix(c) & 1023);
            while (used[slot] && table[slot] != c) slot = (slot + 1) & 1023;
            if (used[slot]) continue;
            if (n == 256) return null;
            used[slot] = true;
            table[slot] = c;
            seen[n++] = c;
        }
        int[] colours = Arrays.copyOf(seen, n);
        // translucent first (alpha ascending), then opaque: tRNS lists only entries up to the last non-opaque one
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = colours[i];
        Arrays.sort(boxed, (a, b) -> {
            int fa = (a >>> 24) == 255 ? 1 : 0, fb = (b >>> 24) == 255 ? 1 : 0;
            return fa != fb ? Integer.compare(fa, fb) : Integer.compareUnsigned(a, b);
        });
        for (int i = 0; i < n; i++) colours[i] = boxed[i];
        return colours;
    }

    private static int mix(int c) {
        int h = c * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Filter type 0 (none) rows of palette indexes, as the PNG specification recommends for palette images. */
    private static byte[] indexedRows(int[] argb, int w, int h, int[] palette) {
        byte[] raw = new byte[h * (w + 1)];
        int[] sortedCopy = palette.clone();
        Arrays.sort(sortedCopy);
        byte[] indexOfSorted = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) indexOfSorted[Arrays.binarySearch(sortedCopy, palette[i])] = (byte) i;
        int p = 0, last = 0;
        byte lastIndex = 0;
        boolean any = false;
        for (int y = 0; y < h; y++) {
            raw[p++] = 0;
            for (int x = 0; x < w; x++) {
                int c = argb[y * w + x];
                if (!any || c != last) {
                    lastIndex = indexOfSorted[Arrays.binarySearch(sortedCopy, c)];
                    last = c;
                    any = true;
                }
                raw[p++] = lastIndex;
            }
        }
        return raw;
    }

    /**
     * RGBA rows with filter type 0 (none). On map tiles — flat fills, a transparent background, anti-aliased edges — it
     * gives the smallest files: a national red-line tile was 37 KB with it against 51–61 KB with any other single
     * filter or the usual per-row minimum-sum choice (ImageIO's writer, 37 KB, mostly chose none too).
     */
    private static byte[] rgbaRows(int[] argb, int w, int h) {
        byte[] raw = new byte[h * (4 * w + 1)];
        int p = 0;
        for (int y = 0; y < h; y++) {
            raw[p++] = 0;
            for (int x = 0; x < w; x++) {
                int c = argb[y * w + x];
                raw[p++] = (byte) (c >> 16);
                raw[p++] = (byte) (c >> 8);
                raw[p++] = (byte) c;
                raw[p++] = (byte) (c >>> 24);
            }
        }
        return raw;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int len) {
        byte[] head = new byte[8];
        putInt(head, 0, len);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, head, 4, 4);
        out.write(head, 0, 8);
        out.write(data, 0, len);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data, 0, len);
        byte[] c = new byte[4];
        putInt(c, 0, (int) crc.getValue());
        out.write(c, 0, 4);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
