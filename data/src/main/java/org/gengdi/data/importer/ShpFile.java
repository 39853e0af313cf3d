package org.gengdi.data.importer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * A forward reader of the geometry file ({@code .shp}) of an ESRI shapefile, following the ESRI Shapefile
 * Technical Description (1998): a 100-byte header, then records of a big-endian header and a little-endian shape.
 * Polygons follow {@link EsriRings}; Z and M values are dropped (layers are 2D). A file shorter than its header
 * says is located to the first broken record before any feature is read.
 */
final class ShpFile implements AutoCloseable {
    private static final int NULL = 0;

    private final String name;
    private final GeometryFactory gf;
    private final List<String> notes;
    private final DataInputStream in;
    private final long size;
    private final long end;
    private final int shapeType;
    private final org.locationtech.jts.geom.Envelope bounds;
    private long pos;
    private long row;
    private int droppedRings;

    ShpFile(Path file, GeometryFactory gf, List<String> notes) throws IOException {
        this.name = file.getFileName().toString();
        this.gf = gf;
        this.notes = notes;
        this.size = Files.size(file);
        if (size < 100) {
            throw new ImportException("file " + name + ": truncated: " + size + " bytes, shorter than the 100-byte "
                    + "shapefile header");
        }
        InputStream raw = Files.newInputStream(file);
        this.in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
        byte[] header = new byte[100];
        in.readFully(header);
        ByteBuffer be = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer le = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (be.getInt(0) != 9994) {
            in.close();
            throw new ImportException("file " + name + ": not a shapefile (file code " + be.getInt(0)
                    + ", expected 9994)");
        }
        long declared = 2L * be.getInt(24);
        this.shapeType = le.getInt(32);
        this.bounds = new org.locationtech.jts.geom.Envelope(le.getDouble(36), le.getDouble(52), le.getDouble(44),
                le.getDouble(60));
        this.pos = 100;
        // a header declaring less than the file holds leaves trailing bytes, which are ignored
        this.end = Math.min(declared, size);
        if (declared > size) {
            locateDamage(file, declared);
        }
    }

    /** The layer geometry kind for the file's shape type. */
    GeometryKind geometryKind() {
        return switch (shapeType % 10) {
            case 1 -> GeometryKind.POINT;
            case 3 -> GeometryKind.MULTILINESTRING;
            case 5 -> GeometryKind.MULTIPOLYGON;
            case 8 -> GeometryKind.MULTIPOINT;
            default -> GeometryKind.GEOMETRY;
        };
    }

    /** The extent the header declares. */
    org.locationtech.jts.geom.Envelope bounds() {
        return bounds;
    }

    /** How many records had degenerate rings or parts dropped. */
    int droppedRings() {
        return droppedRings;
    }

    /** True when another record follows. */
    boolean hasNext() {
        return pos + 8 <= end;
    }

    /** The next record's geometry (null for a null shape); call only when {@link #hasNext()}. */
    Geometry next() throws IOException {
        row++;
        int contentBytes;
        try {
            in.readInt(); // record number: files in the wild number records carelessly, so the position counts
            contentBytes = 2 * in.readInt();
        } catch (EOFException e) {
            throw truncated(size - pos);
        }
        pos += 8;
        if (contentBytes < 4 || pos + contentBytes > end) {
            throw truncated(end - pos + 8);
        }
        byte[] content = new byte[contentBytes];
        in.readFully(content);
        pos += contentBytes;
        return shape(ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN));
    }

    private ImportException truncated(long remaining) {
        return ImportException.at(name, row, fid(row), null,
                "the .shp file is truncated or corrupt: the record is cut off (" + remaining + " bytes remain)");
    }

    private Geometry shape(ByteBuffer b) {
        int type = b.getInt(0);
        try {
            switch (type) {
                case NULL:
                    return null;
                case 1, 11, 21:
                    return gf.createPoint(new Coordinate(b.getDouble(4), b.getDouble(12)));
                case 8, 18, 28: {
                    int n = b.getInt(36);
                    need(b, 40L + 16L * n);
                    return gf.createMultiPointFromCoords(points(b, 40, n));
                }
                case 3, 13, 23, 5, 15, 25:
                    return parts(b, type % 10 == 5);
                case 31:
                    throw ImportException.at(name, row, fid(row), null, "MultiPatch shapes are not supported");
                default:
                    throw ImportException.at(name, row, fid(row), null, "unknown shape type " + type
                            + " (the .shp file is corrupt)");
            }
        } catch (IndexOutOfBoundsException e) {
            throw ImportException.at(name, row, fid(row), null, "the shape record is shorter than its contents need "
                    + "(the .shp file is corrupt)");
        }
    }

    private Geometry parts(ByteBuffer b, boolean polygon) {
        int numParts = b.getInt(36);
        int numPoints = b.getInt(40);
        if (numParts < 1 || numPoints < 0 || numParts > numPoints) {
            throw ImportException.at(name, row, fid(row), null, "corrupt shape record: " + numParts + " parts, "
                    + numPoints + " points");
        }
        int pointsAt = 44 + 4 * numParts;
        need(b, pointsAt + 16L * numPoints);
        Coordinate[] all = points(b, pointsAt, numPoints);
        List<Coordinate[]> rings = new ArrayList<>();
        List<LineString> lines = new ArrayList<>();
        boolean dropped = false;
        for (int p = 0; p < numParts; p++) {
            int from = b.getInt(44 + 4 * p);
            int to = p + 1 < numParts ? b.getInt(44 + 4 * (p + 1)) : numPoints;
            if (from < 0 || to > numPoints || from > to) {
                throw ImportException.at(name, row, fid(row), null, "corrupt shape record: part " + (p + 1)
                        + " starts at point " + from + " of " + numPoints);
            }
            Coordinate[] part = java.util.Arrays.copyOfRange(all, from, to);
            if (polygon) {
                if (part.length > 0 && !part[0].equals2D(part[part.length - 1])) {
                    part = java.util.Arrays.copyOf(part, part.length + 1);
                    part[part.length - 1] = part[0].copy();
                }
                if (part.length < 4) {
                    dropped = true;
                    continue;
                }
                rings.add(part);
            } else {
                if (part.length < 2) {
                    dropped = true;
                    continue;
                }
                lines.add(gf.createLineString(part));
            }
        }
        if (dropped) {
            droppedRings++;
            if (droppedRings <= 5) {
                notes.add(ImportException.where(name, row, fid(row), null) + ": dropped a "
                        + (polygon ? "ring with fewer than 4 points" : "part with fewer than 2 points"));
            }
        }
        if (polygon) {
            return rings.isEmpty() ? null : EsriRings.polygon(gf, rings);
        }
        if (lines.isEmpty()) {
            return null;
        }
        return lines.size() == 1 ? lines.get(0) : gf.createMultiLineString(lines.toArray(new LineString[0]));
    }

    /** How GDAL and QGIS number the feature of a 1-based record. */
    static String fid(long row) {
        return "FID " + (row - 1);
    }

    private void need(ByteBuffer b, long bytes) {
        if (bytes > b.capacity()) {
            throw ImportException.at(name, row, fid(row), null, "the shape record holds " + b.capacity()
                    + " bytes but its point count needs " + bytes + " (the .shp file is corrupt)");
        }
    }

    private static Coordinate[] points(ByteBuffer b, int at, int n) {
        Coordinate[] c = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            c[i] = new Coordinate(b.getDouble(at + 16 * i), b.getDouble(at + 16 * i + 8));
        }
        return c;
    }

    /** Walks the record headers to name the first record the damage cuts off. */
    private void locateDamage(Path file, long declared) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long p = 100;
            long n = 0;
            while (p + 8 <= size) {
                n++;
                raf.seek(p + 4);
                long len = 2L * raf.readInt();
                if (len < 4 || p + 8 + len > size) {
                    close();
                    throw ImportException.at(name, n, fid(n), null, "the .shp file is truncated or corrupt: the "
                            + "header says " + declared + " bytes, the file has " + size
                            + ", and this record is cut off");
                }
                p += 8 + len;
            }
            {
                close();
                throw ImportException.at(name, n + 1, fid(n + 1), null, "the .shp file is truncated: the header says "
                        + declared + " bytes, the file ends after " + size);
            }
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only file
        }
    }
}
