package org.gengdi.server.encode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/**
 * Writes the geometry files of a shapefile ({@code .shp} and its index {@code .shx}), following the ESRI Shapefile
 * Technical Description (1998): 2D Point, MultiPoint, PolyLine and Polygon shapes, x = easting/longitude. Polygon
 * rings are written with the exterior clockwise and holes counter-clockwise, as ESRI requires. The headers need the
 * file length and the bounding box, so the records go to the files first and the headers are patched in on close.
 * A geometry that does not fit the file's shape type (a point in a polygon layer) is written as a null shape.
 */
final class ShpWriter implements AutoCloseable {
    static final int NULL = 0;
    static final int POINT = 1;
    static final int POLYLINE = 3;
    static final int POLYGON = 5;
    static final int MULTIPOINT = 8;

    /** The format's limit: offsets are 32-bit counts of 16-bit words, and ESRI software stops at 2 GB. */
    private static final long MAX_BYTES = Integer.MAX_VALUE;

    private final Path shpFile;
    private final Path shxFile;
    private final OutputStream shp;
    private final OutputStream shx;
    private int shapeType;
    private final Envelope bounds = new Envelope();
    private long shpBytes = 100;
    private long shxBytes = 100;
    private int recordNumber;
    private ByteBuffer buffer = ByteBuffer.allocate(4096);
    private final ByteBuffer index = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);

    /** @param kind the layer's geometry kind; {@link GeometryKind#GEOMETRY} takes the type of the first geometry */
    ShpWriter(Path shpFile, Path shxFile, GeometryKind kind) throws IOException {
        this.shpFile = shpFile;
        this.shxFile = shxFile;
        this.shapeType = shapeType(kind);
        this.shp = new BufferedOutputStream(Files.newOutputStream(shpFile), 64 * 1024);
        this.shx = new BufferedOutputStream(Files.newOutputStream(shxFile), 16 * 1024);
        shp.write(new byte[100]);
        shx.write(new byte[100]);
    }

    static int shapeType(GeometryKind kind) {
        return switch (kind) {
            case POINT -> POINT;
            case MULTIPOINT -> MULTIPOINT;
            case LINESTRING, MULTILINESTRING -> POLYLINE;
            case POLYGON, MULTIPOLYGON -> POLYGON;
            case GEOMETRY -> NULL; // decided by the first geometry
        };
    }

    private static int shapeType(Geometry g) {
        if (g instanceof Polygonal) {
            return POLYGON;
        }
        if (g instanceof Lineal) {
            return POLYLINE;
        }
        if (g instanceof Point) {
            return POINT;
        }
        return g instanceof Puntal ? MULTIPOINT : NULL;
    }

    /** The shape type of the file so far (0 while a mixed layer has had no geometry). */
    int shapeType() {
        return shapeType;
    }

    /** Appends one record; {@code null} or empty geometries and geometries of another type become null shapes. */
    void add(Geometry g) throws IOException {
        if (g != null && !g.isEmpty() && shapeType == NULL) {
            shapeType = shapeType(g);
        }
        boolean fits = g != null && !g.isEmpty() && shapeType != NULL
                && (shapeType(g) == shapeType || shapeType == MULTIPOINT && g instanceof Point);
        ByteBuffer b;
        if (!fits) {
            b = buffer(4);
            b.putInt(NULL);
        } else if (shapeType == POINT) {
            Point p = (Point) g;
            b = buffer(20);
            b.putInt(POINT).putDouble(p.getX()).putDouble(p.getY());
        } else if (shapeType == MULTIPOINT) {
            int n = g.getNumGeometries();
            b = buffer(40 + 16 * n);
            b.putInt(MULTIPOINT);
            envelope(b, g.getEnvelopeInternal());
            b.putInt(n);
            for (int i = 0; i < n; i++) {
                Point p = (Point) g.getGeometryN(i);
                b.putDouble(p.getX()).putDouble(p.getY());
            }
        } else {
            b = parts(g);
        }
        if (fits) {
            bounds.expandToInclude(g.getEnvelopeInternal());
        }
        b.flip();
        int contentBytes = b.remaining();
        if (shpBytes + 8 + contentBytes > MAX_BYTES) {
            throw new IOException("the shapefile would exceed 2 GB; ask for fewer features or another format");
        }
        recordNumber++;
        index.clear();
        index.putInt((int) (shpBytes / 2)).putInt(contentBytes / 2);
        shx.write(index.array(), 0, 8);
        shxBytes += 8;
        index.clear();
        index.putInt(recordNumber).putInt(contentBytes / 2);
        shp.write(index.array(), 0, 8);
        shp.write(b.array(), 0, contentBytes);
        shpBytes += 8 + contentBytes;
    }

    /** A PolyLine or Polygon record: bounding box, part starts, then all points. */
    private ByteBuffer parts(Geometry g) {
        int parts = 0;
        int points = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                parts += 1 + p.getNumInteriorRing();
            } else {
                parts++;
            }
            points += part.getNumPoints();
        }
        ByteBuffer b = buffer(44 + 4 * parts + 16 * points);
        b.putInt(shapeType);
        envelope(b, g.getEnvelopeInternal());
        b.putInt(parts).putInt(points);
        int start = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                b.putInt(start);
                start += p.getExteriorRing().getNumPoints();
                for (int r = 0; r < p.getNumInteriorRing(); r++) {
                    b.putInt(start);
                    start += p.getInteriorRingN(r).getNumPoints();
                }
            } else {
                b.putInt(start);
                start += part.getNumPoints();
            }
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
                points(b, shell, Shapes.isCounterClockwise(shell)); // ESRI: exterior clockwise
                for (int r = 0; r < p.getNumInteriorRing(); r++) {
                    CoordinateSequence hole = p.getInteriorRingN(r).getCoordinateSequence();
                    points(b, hole, !Shapes.isCounterClockwise(hole) && hole.size() >= 4);
                }
            } else {
                points(b, ((LineString) part).getCoordinateSequence(), false);
            }
        }
        return b;
    }

    private static void points(ByteBuffer b, CoordinateSequence seq, boolean reversed) {
        int n = seq.size();
        for (int k = 0; k < n; k++) {
            int i = reversed ? n - 1 - k : k;
            b.putDouble(seq.getX(i)).putDouble(seq.getY(i));
        }
    }

    private static void envelope(ByteBuffer b, Envelope e) {
        b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }

    /** The reusable record buffer, cleared, little-endian, with room for {@code bytes}. */
    private ByteBuffer buffer(int bytes) {
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocate(Math.max(bytes, buffer.capacity() * 2));
        }
        buffer.clear();
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        return buffer;
    }

    /** Flushes the records and writes both headers. */
    @Override
    public void close() throws IOException {
        shp.close();
        shx.close();
        patchHeader(shpFile, shpBytes);
        patchHeader(shxFile, shxBytes);
    }

    private void patchHeader(Path file, long bytes) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0)
                .putInt((int) (bytes / 2));
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(shapeType);
        Envelope e = bounds.isNull() ? new Envelope(0, 0, 0, 0) : bounds;
        envelope(h, e);
        h.putDouble(0).putDouble(0).putDouble(0).putDouble(0); // z and m ranges: none
        h.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(h, 0);
        }
    }
}
