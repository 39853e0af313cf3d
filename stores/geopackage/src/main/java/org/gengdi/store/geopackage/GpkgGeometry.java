package org.gengdi.store.geopackage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.gengdi.core.geom.Wkb2dReader;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.InStream;
import org.locationtech.jts.io.OutputStreamOutStream;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The GeoPackage geometry blob (spec §2.1.3): a {@code GP} header with flags, srs_id and an optional envelope,
 * followed by standard WKB. Encoders and decoders are not thread-safe: one per writer or cursor, reused per row.
 */
final class GpkgGeometry {
    private static final int FLAG_EMPTY = 0x10;
    private static final int FLAG_EXTENDED = 0x20;

    private GpkgGeometry() {
    }

    /** Writes geometries as GeoPackage blobs: little-endian header with an XY envelope, little-endian 2D WKB. */
    static final class Encoder {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
        private final OutputStreamOutStream out = new OutputStreamOutStream(buf);
        private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
        private final ByteBuffer header = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);

        byte[] encode(Geometry g, int srsId) {
            buf.reset();
            header.clear();
            boolean empty = g.isEmpty();
            header.put((byte) 'G').put((byte) 'P').put((byte) 0);
            // bit 0: little-endian header; bits 1-3: envelope [minx, maxx, miny, maxy] unless empty
            header.put((byte) (empty ? (FLAG_EMPTY | 0x01) : 0x03));
            header.putInt(srsId);
            if (!empty) {
                Envelope e = g.getEnvelopeInternal();
                header.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
            }
            buf.write(header.array(), 0, header.position());
            try {
                wkb.write(g, out);
            } catch (IOException e) {
                throw new IllegalStateException(e); // a ByteArrayOutputStream does not fail
            }
            return buf.toByteArray();
        }
    }

    /** Reads GeoPackage blobs: plain 2D WKB directly, anything else with JTS's reader over the row's bytes. */
    static final class Decoder {
        private final Wkb2dReader fast;
        private final WKBReader reader;
        private final OffsetInStream in = new OffsetInStream();

        Decoder(GeometryFactory factory) {
            this.fast = new Wkb2dReader(factory);
            this.reader = new WKBReader(factory);
        }

        Geometry decode(byte[] blob) {
            if (blob == null) {
                return null;
            }
            int offset = wkbOffset(blob);
            Geometry g = fast.read(blob, offset);
            if (g != null) {
                return g;
            }
            in.reset(blob, offset);
            try {
                return reader.read(in);
            } catch (IOException | ParseException e) {
                throw new IllegalArgumentException("not a GeoPackage geometry: " + e.getMessage(), e);
            }
        }
    }

    /** The offset of the WKB after the header. */
    static int wkbOffset(byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry (no GP magic)");
        }
        if ((blob[3] & FLAG_EXTENDED) != 0) {
            throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
        }
        return 8 + envelopeSize((blob[3] >> 1) & 0x07);
    }

    private static int envelopeSize(int indicator) {
        return switch (indicator) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new IllegalArgumentException("invalid GeoPackage envelope indicator " + indicator);
        };
    }

    /** True when the header flags the geometry as empty. */
    static boolean isEmpty(byte[] blob) {
        wkbOffset(blob);
        return (blob[3] & FLAG_EMPTY) != 0;
    }

    /**
     * The XY envelope from the header when present, else from decoding the WKB; null for an empty geometry.
     * Used by the R-tree triggers' ST_ functions, so it must work on any valid blob.
     */
    static Envelope envelope(byte[] blob) {
        int offset = wkbOffset(blob);
        if ((blob[3] & FLAG_EMPTY) != 0) {
            return null;
        }
        if (offset > 8) {
            ByteBuffer b = ByteBuffer.wrap(blob).order((blob[3] & 0x01) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            return new Envelope(b.getDouble(8), b.getDouble(16), b.getDouble(24), b.getDouble(32));
        }
        Geometry g = new Decoder(new GeometryFactory()).decode(blob);
        return g.isEmpty() ? null : g.getEnvelopeInternal();
    }

    /** An {@link InStream} over a byte array from an offset, reset for each row instead of copying. */
    private static final class OffsetInStream implements InStream {
        private byte[] bytes;
        private int pos;

        void reset(byte[] b, int offset) {
            bytes = b;
            pos = offset;
        }

        @Override
        public int read(byte[] buf) {
            int n = Math.min(buf.length, bytes.length - pos);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes, pos, buf, 0, n);
            pos += n;
            return n;
        }
    }
}
