package org.gengdi.server.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageEncodersTest {

    /** A red-line map: antialiased red outlines and a translucent fill, opaque or over transparency. */
    static BufferedImage redLineMap(boolean transparent) {
        BufferedImage img = new BufferedImage(200, 150, transparent ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (!transparent) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 150);
        }
        for (int i = 0; i < 12; i++) {
            Ellipse2D e = new Ellipse2D.Double(10 + i * 13, 10 + i * 7, 40 + i, 30 + 2 * i);
            g.setColor(new Color(255, 0, 0, 40));
            g.fill(e);
            g.setColor(new Color(0xE00000));
            g.draw(e);
        }
        g.dispose();
        return img;
    }

    static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    static byte[] encode(BufferedImage img, ImageFormat f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoders.DEFAULT.write(img, f, out);
        return out.toByteArray();
    }

    /** The number of entries in a PNG's PLTE chunk. */
    static int paletteSize(byte[] png) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png);
        for (int i = 8; i + 8 <= png.length; ) {
            int length = b.getInt(i);
            String type = new String(png, i + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("PLTE")) {
                return length / 3;
            }
            i += 12 + length;
        }
        return -1;
    }

    @Test
    void formatsByMime() {
        assertThat(ImageFormat.forMime("image/png")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.forMime("image/png; mode=32bit")).contains(ImageFormat.PNG);
        assertThat(ImageFormat.forMime("image/png; mode=8bit")).contains(ImageFormat.PNG8);
        assertThat(ImageFormat.forMime("IMAGE/PNG8")).contains(ImageFormat.PNG8);
        assertThat(ImageFormat.forMime("image/jpeg")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.forMime("image/gif")).isEmpty();
        assertThat(ImageFormat.PNG8.contentType()).isEqualTo("image/png");
    }

    @Test
    void png24KeepsEveryPixel() throws IOException {
        BufferedImage img = redLineMap(false);
        BufferedImage back = decode(encode(img, ImageFormat.PNG));
        assertThat(back.getWidth()).isEqualTo(200);
        assertThat(back.getHeight()).isEqualTo(150);
        assertThat(back.getColorModel().hasAlpha()).isFalse();
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                assertThat(back.getRGB(x, y)).isEqualTo(img.getRGB(x, y));
            }
        }
    }

    @Test
    void png32KeepsAlpha() throws IOException {
        BufferedImage img = redLineMap(true);
        BufferedImage back = decode(encode(img, ImageFormat.PNG));
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        for (int y = 0; y < 150; y += 3) {
            for (int x = 0; x < 200; x += 3) {
                assertThat(back.getRGB(x, y)).isEqualTo(img.getRGB(x, y));
            }
        }
        assertThat(back.getRGB(199, 0) >>> 24).isZero();
    }

    @Test
    void png8HasAPaletteOfAtMost256ColoursAndKeepsTransparency() throws IOException {
        BufferedImage img = redLineMap(true);
        byte[] bytes = encode(img, ImageFormat.PNG8);
        BufferedImage back = decode(bytes);
        assertThat(back.getWidth()).isEqualTo(200);
        assertThat(back.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(paletteSize(bytes)).isLessThanOrEqualTo(256);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                int a = img.getRGB(x, y);
                int b = back.getRGB(x, y);
                colours.add(b);
                if (a >>> 24 == 0) {
                    assertThat(b >>> 24).as("pixel %d,%d", x, y).isZero();
                } else {
                    // faint antialiasing may become the transparent entry, nothing more
                    assertThat(Math.abs((a >>> 24) - (b >>> 24))).as("alpha at %d,%d", x, y).isLessThanOrEqualTo(24);
                }
            }
        }
        assertThat(colours.size()).isLessThanOrEqualTo(256);
        // the dominant colours survive exactly
        assertThat(back.getRGB(199, 0)).isEqualTo(0);
    }

    @Test
    void png8OfAnImageWithFewColoursIsExact() throws IOException {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.RED);
        g.fillRect(10, 10, 20, 20);
        g.setColor(new Color(0x336699));
        g.fillRect(35, 35, 20, 20);
        g.dispose();
        byte[] bytes = encode(img, ImageFormat.PNG8);
        BufferedImage back = decode(bytes);
        assertThat(paletteSize(bytes)).isEqualTo(3);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertThat(back.getRGB(x, y)).isEqualTo(img.getRGB(x, y));
            }
        }
    }

    @Test
    void png8OfAGradientStaysClose() throws IOException {
        BufferedImage img = new BufferedImage(256, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.RED, 256, 64, Color.BLUE));
        g.fillRect(0, 0, 256, 64);
        g.setColor(Color.WHITE);
        g.fillRect(100, 20, 60, 20);
        g.dispose();
        for (ImageEncoders enc : new ImageEncoders[] {ImageEncoders.DEFAULT, new ImageEncoders(6, true, 0.85f, true)}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            enc.writePng8(img, out);
            BufferedImage back = decode(out.toByteArray());
            long err = 0;
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 256; x++) {
                    int a = img.getRGB(x, y);
                    int b = back.getRGB(x, y);
                    err += Math.abs(((a >> 16) & 255) - ((b >> 16) & 255)) + Math.abs((a & 255) - (b & 255));
                }
            }
            assertThat(err / (256.0 * 64)).isLessThan(8);
            assertThat(back.getRGB(130, 30)).isEqualTo(0xFFFFFFFF);
        }
    }

    @Test
    void jpegHasNoAlphaAndIsCompositedOnTheBackground() throws IOException {
        BufferedImage img = redLineMap(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoders.DEFAULT.write(img, ImageFormat.JPEG, new Color(0, 0, 255), out);
        BufferedImage back = decode(out.toByteArray());
        assertThat(back.getWidth()).isEqualTo(200);
        assertThat(back.getHeight()).isEqualTo(150);
        assertThat(back.getColorModel().hasAlpha()).isFalse();
        int corner = back.getRGB(199, 0);
        assertThat(corner & 0xFF).isGreaterThan(230);          // blue matte where the map was transparent
        assertThat((corner >> 16) & 0xFF).isLessThan(30);
        BufferedImage opaque = decode(encode(redLineMap(false), ImageFormat.JPEG));
        assertThat(opaque.getRGB(199, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void theStreamIsLeftOpenAndCanTakeMore() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("closed");
            }
        };
        BufferedImage img = redLineMap(false);
        for (ImageFormat f : ImageFormat.values()) {
            ImageEncoders.DEFAULT.write(img, f, out);
        }
        assertThat(out.size()).isGreaterThan(1000);
    }

    @Test
    void otherImageTypesEncodeToo() throws IOException {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_3BYTE_BGR);
        img.setRGB(5, 5, 0x123456);
        BufferedImage back = decode(encode(img, ImageFormat.PNG));
        assertThat(back.getRGB(5, 5)).isEqualTo(0xFF123456);
        BufferedImage pre = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB_PRE);
        pre.setRGB(5, 5, 0x80FF0000);
        back = decode(encode(pre, ImageFormat.PNG));
        assertThat(back.getRGB(5, 5) >>> 24).isEqualTo(0x80);
        assertThat((back.getRGB(5, 5) >> 16) & 255).isGreaterThan(250);
        back = decode(encode(img.getSubimage(5, 5, 10, 10), ImageFormat.PNG8));
        assertThat(back.getRGB(0, 0)).isEqualTo(0xFF123456);
    }
}
