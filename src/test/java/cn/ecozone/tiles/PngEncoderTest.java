package cn.ecozone.tiles;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link PngEncoder} read back by an independent decoder (ImageIO's PNG reader): every pixel's ARGB exactly as painted. */
class PngEncoderTest {
    private static int[] decoded(byte[] png, int w, int h) throws IOException {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(back, "a PNG ImageIO reads");
        assertEquals(w, back.getWidth());
        assertEquals(h, back.getHeight());
        return back.getRGB(0, 0, w, h, null, 0, w);
    }

    private static int colourType(byte[] png) {
        return png[8 + 8 + 9]; // signature, IHDR length + type, width, height, bit depth
    }

    @Test
    void aFewColoursWithEveryAlphaGoInAPaletteAndComeBackExactly() throws IOException {
        Random rnd = new Random(7);
        for (int colours : new int[]{1, 2, 17, 255, 256}) {
            int[] pal = new int[colours];
            for (int i = 0; i < colours; i++) pal[i] = i == 0 ? 0 : rnd.nextInt(); // transparent black, then any alpha
            int w = 1 + rnd.nextInt(300), h = 1 + rnd.nextInt(300);
            int[] px = new int[w * h];
            for (int i = 0; i < px.length; i++) px[i] = pal[rnd.nextInt(4) == 0 ? rnd.nextInt(colours) : (i / 7) % colours];
            byte[] png = PngEncoder.encode(px, w, h);
            int distinct = (int) java.util.Arrays.stream(px).distinct().count();
            assertEquals(3, colourType(png), colours + " colours: palette");
            assertArrayEquals(px, decoded(png, w, h), colours + " colours");
            assertEquals(distinct, PngEncoder.palette(px).length);
        }
    }

    @Test
    void moreThan256ColoursAreRgbaAndComeBackExactly() throws IOException {
        Random rnd = new Random(11);
        int w = 257, h = 190;
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) px[i] = rnd.nextInt(3) == 0 ? rnd.nextInt() : (i % w) * 0x01010101 ^ 0x80000000;
        assertNull(PngEncoder.palette(px));
        byte[] png = PngEncoder.encode(px, w, h);
        assertEquals(6, colourType(png));
        assertArrayEquals(px, decoded(png, w, h));
    }

    @Test
    void aPaintedTileComesBackPixelForPixelAndSmallerThanRgba() throws IOException {
        // anti-aliased, translucent fills over each other and outlines: what MapTilePainter paints
        BufferedImage img = new BufferedImage(512, 512, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        Random rnd = new Random(3);
        java.awt.Color[] fills = {new java.awt.Color(230, 60, 60, 150), new java.awt.Color(60, 160, 60, 150), new java.awt.Color(240, 200, 40, 150)};
        for (int i = 0; i < 40; i++) {
            int x = rnd.nextInt(480), y = rnd.nextInt(480);
            java.awt.Polygon p = new java.awt.Polygon(new int[]{x, x + 5 + rnd.nextInt(60), x + rnd.nextInt(40)}, new int[]{y, y + rnd.nextInt(30), y + 5 + rnd.nextInt(60)}, 3);
            g.setColor(fills[i % 3]);
            g.fill(p);
            g.setColor(new java.awt.Color(80, 80, 80, 200));
            g.draw(p);
        }
        g.dispose();
        int[] px = img.getRGB(0, 0, 512, 512, null, 0, 512);
        byte[] png = MapTilePainter.png(img);
        assertArrayEquals(px, decoded(png, 512, 512));
        if (PngEncoder.palette(px) != null) {
            assertEquals(3, colourType(png));
            java.io.ByteArrayOutputStream rgba = new java.io.ByteArrayOutputStream();
            ImageIO.write(img, "png", rgba);
            assertTrue(png.length < rgba.size(), png.length + " bytes against ImageIO's RGBA " + rgba.size());
        } else {
            assertEquals(6, colourType(png));
        }
    }
}
