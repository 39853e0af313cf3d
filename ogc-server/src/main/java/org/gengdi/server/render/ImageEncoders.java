package org.gengdi.server.render;

import ar.com.hjg.pngj.FilterType;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineByte;
import ar.com.hjg.pngj.PngWriter;
import ar.com.hjg.pngj.chunks.PngChunkPLTE;
import ar.com.hjg.pngj.chunks.PngChunkTRNS;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes maps and legends: PNG (24-bit, or 32-bit when the image has alpha) and PNG8 (a palette of at most 256
 * colours, see {@link PaletteQuantiser}) with PNGJ, and JPEG with ImageIO. Writes straight to a stream and does
 * not close it. Safe to share between threads.
 */
public final class ImageEncoders {

    /** Deflate level 6, adaptive PNG filtering, JPEG quality 0.85, no dithering. */
    public static final ImageEncoders DEFAULT = new ImageEncoders(6, true, 0.85f, false);

    private final int deflateLevel;
    private final boolean adaptiveFilter;
    private final float jpegQuality;
    private final boolean dither;

    /**
     * @param deflateLevel   zlib level 0–9 (6: a good size for little time)
     * @param adaptiveFilter true to choose a PNG row filter per row (smaller files), false for the Sub filter
     *                       (faster); PNG8 rows are never filtered, as the PNG specification advises for palettes
     * @param jpegQuality    0–1
     * @param dither         true for Floyd–Steinberg dithering in PNG8
     */
    public ImageEncoders(int deflateLevel, boolean adaptiveFilter, float jpegQuality, boolean dither) {
        if (deflateLevel < 0 || deflateLevel > 9 || !(jpegQuality >= 0 && jpegQuality <= 1)) {
            throw new IllegalArgumentException("deflate level 0–9 and JPEG quality 0–1");
        }
        this.deflateLevel = deflateLevel;
        this.adaptiveFilter = adaptiveFilter;
        this.jpegQuality = jpegQuality;
        this.dither = dither;
    }

    /** {@link #writePng} with the default settings. */
    public static void png(BufferedImage image, OutputStream out) {
        DEFAULT.writePng(image, out);
    }

    /** {@link #writePng8} with the default settings. */
    public static void png8(BufferedImage image, OutputStream out) {
        DEFAULT.writePng8(image, out);
    }

    /** {@link #writeJpeg} with the default settings. */
    public static void jpeg(BufferedImage image, Color matte, OutputStream out) throws IOException {
        DEFAULT.writeJpeg(image, matte, out);
    }

    /** Encodes an image; a transparent image encoded as JPEG is composited onto white. */
    public void write(BufferedImage image, ImageFormat format, OutputStream out) throws IOException {
        write(image, format, Color.WHITE, out);
    }

    /**
     * Encodes an image.
     *
     * @param matte what a JPEG shows behind transparent pixels (the map's background colour)
     */
    public void write(BufferedImage image, ImageFormat format, Color matte, OutputStream out) throws IOException {
        switch (format) {
            case PNG -> writePng(image, out);
            case PNG8 -> writePng8(image, out);
            case JPEG -> writeJpeg(image, matte, out);
        }
    }

    /** PNG, RGBA when the image has an alpha channel, else RGB; 8 bits a channel. */
    public void writePng(BufferedImage image, OutputStream out) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        ImageInfo info = new ImageInfo(w, h, 8, alpha);
        PngWriter png = writer(out, info);
        png.setFilterType(adaptiveFilter ? FilterType.FILTER_ADAPTIVE_FAST : FilterType.FILTER_SUB);
        ImageLineByte line = new ImageLineByte(info);
        byte[] bytes = line.getScanline();
        Rows rows = new Rows(image);
        for (int y = 0; y < h; y++) {
            int[] row = rows.row(y);
            int k = 0;
            for (int x = 0; x < w; x++) {
                int c = row[x];
                bytes[k++] = (byte) (c >> 16);
                bytes[k++] = (byte) (c >> 8);
                bytes[k++] = (byte) c;
                if (alpha) {
                    bytes[k++] = (byte) (c >>> 24);
                }
            }
            png.writeRow(line);
        }
        png.end();
    }

    /** PNG with a palette of at most 256 colours; fully transparent pixels keep a transparent entry. */
    public void writePng8(BufferedImage image, OutputStream out) {
        int w = image.getWidth();
        int h = image.getHeight();
        Rows rows = new Rows(image);
        PaletteQuantiser.Histogram histogram = new PaletteQuantiser.Histogram();
        for (int y = 0; y < h; y++) {
            histogram.add(rows.row(y), w);
        }
        PaletteQuantiser q = PaletteQuantiser.of(histogram, 256);
        int[] palette = q.palette();
        ImageInfo info = new ImageInfo(w, h, 8, false, false, true);
        PngWriter png = writer(out, info);
        png.setFilterType(FilterType.FILTER_NONE);
        PngChunkPLTE plte = png.getMetadata().createPLTEChunk();
        plte.setNentries(palette.length);
        for (int i = 0; i < palette.length; i++) {
            plte.setEntry(i, (palette[i] >> 16) & 255, (palette[i] >> 8) & 255, palette[i] & 255);
        }
        if (q.translucent() > 0) {
            PngChunkTRNS trns = png.getMetadata().createTRNSChunk();
            int[] alphas = new int[q.translucent()];
            for (int i = 0; i < alphas.length; i++) {
                alphas[i] = palette[i] >>> 24;
            }
            trns.setPalletteAlpha(alphas);
        }
        ImageLineByte line = new ImageLineByte(info);
        byte[] bytes = line.getScanline();
        PaletteQuantiser.Ditherer ditherer = dither ? q.new Ditherer(w) : null;
        for (int y = 0; y < h; y++) {
            int[] row = rows.row(y);
            if (ditherer != null) {
                ditherer.map(row, bytes, w);
            } else {
                q.map(row, bytes, w);
            }
            png.writeRow(line);
        }
        png.end();
    }

    /** JPEG at the configured quality; alpha is composited onto the matte colour. */
    public void writeJpeg(BufferedImage image, Color matte, OutputStream out) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            try {
                Color m = matte == null ? Color.WHITE : matte;
                g.setColor(new Color(m.getRed(), m.getGreen(), m.getBlue()));
                g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("no JPEG writer in this Java runtime");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(jpegQuality);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private PngWriter writer(OutputStream out, ImageInfo info) {
        PngWriter png = new PngWriter(out, info);
        png.setShouldCloseStream(false);
        png.setCompLevel(deflateLevel);
        return png;
    }

    /** The pixels of an image as straight ARGB rows, read from the raster when it is plain ints. */
    private static final class Rows {
        private final BufferedImage image;
        private final int[] row;
        private final int[] data;
        private final int stride;
        private final int offset;
        private final boolean opaque;

        Rows(BufferedImage image) {
            this.image = image;
            this.row = new int[image.getWidth()];
            int type = image.getType();
            boolean direct = (type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
                    && image.getRaster().getDataBuffer() instanceof DataBufferInt
                    && image.getSampleModel() instanceof SinglePixelPackedSampleModel
                    && image.getRaster().getParent() == null;
            if (direct) {
                DataBufferInt db = (DataBufferInt) image.getRaster().getDataBuffer();
                this.data = db.getData();
                this.stride = ((SinglePixelPackedSampleModel) image.getSampleModel()).getScanlineStride();
                this.offset = db.getOffset();
            } else {
                this.data = null;
                this.stride = 0;
                this.offset = 0;
            }
            this.opaque = type == BufferedImage.TYPE_INT_RGB;
        }

        int[] row(int y) {
            int w = row.length;
            if (data == null) {
                image.getRGB(0, y, w, 1, row, 0, w);
            } else {
                System.arraycopy(data, offset + y * stride, row, 0, w);
                if (opaque) {
                    for (int x = 0; x < w; x++) {
                        row[x] |= 0xFF000000;
                    }
                }
            }
            return row;
        }
    }
}
