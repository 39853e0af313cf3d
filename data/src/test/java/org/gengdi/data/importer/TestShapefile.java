package org.gengdi.data.importer;

import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A tiny shapefile writer for test fixtures: .shp/.shx by the ESRI specification, .dbf with javadbf in a chosen
 * charset, optional .prj and .cpg. Polygons are written with ESRI orientation (outer rings clockwise) unless
 * {@link #rawRings} is used, which writes rings exactly as given.
 */
final class TestShapefile {
    static final String PRJ_4527 = "PROJCS[\"CGCS2000_3_Degree_GK_Zone_39\",GEOGCS[\"GCS_China_Geodetic_Coordinate_"
            + "System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich"
            + "\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
            + "39500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER["
            + "\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private final int shapeType;
    private final List<byte[]> records = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private final Envelope bounds = new Envelope();
    private DBFField[] fields = new DBFField[0];
    private Charset charset = StandardCharsets.UTF_8;
    private String prj = PRJ_4527;
    private String cpg;
    private Integer languageDriver;

    private TestShapefile(int shapeType) {
        this.shapeType = shapeType;
    }

    static TestShapefile polygons() {
        return new TestShapefile(5);
    }

    static TestShapefile points() {
        return new TestShapefile(1);
    }

    static TestShapefile lines() {
        return new TestShapefile(3);
    }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Declares the .dbf columns: {@code "NAME:C:20"}, {@code "N:N:10:2"}, {@code "F:L"}, {@code "D:D"}. */
    TestShapefile fields(String... specs) {
        fields = new DBFField[specs.length];
        for (int i = 0; i < specs.length; i++) {
            String[] p = specs[i].split(":");
            DBFField f = new DBFField();
            f.setName(p[0]);
            f.setType(switch (p[1]) {
                case "C" -> com.linuxense.javadbf.DBFDataType.CHARACTER;
                case "N" -> com.linuxense.javadbf.DBFDataType.NUMERIC;
                case "L" -> com.linuxense.javadbf.DBFDataType.LOGICAL;
                case "D" -> com.linuxense.javadbf.DBFDataType.DATE;
                default -> throw new IllegalArgumentException(p[1]);
            });
            if (p.length > 2) {
                f.setLength(Integer.parseInt(p[2]));
            }
            if (p.length > 3) {
                f.setDecimalCount(Integer.parseInt(p[3]));
            }
            fields[i] = f;
        }
        return this;
    }

    TestShapefile charset(Charset cs) {
        this.charset = cs;
        return this;
    }

    TestShapefile prj(String wkt) {
        this.prj = wkt;
        return this;
    }

    TestShapefile cpg(String text) {
        this.cpg = text;
        return this;
    }

    TestShapefile languageDriver(int ldid) {
        this.languageDriver = ldid;
        return this;
    }

    /** Adds a feature from WKT (null: a null shape). */
    TestShapefile add(String wktOrNull, Object... values) {
        Geometry g = wktOrNull == null ? null : wkt(wktOrNull);
        records.add(g == null ? nullShape() : shape(g));
        rows.add(values);
        return this;
    }

    /** Adds a polygon record whose rings are written exactly as given (no orientation fix). */
    TestShapefile rawRings(List<Coordinate[]> rings, Object... values) {
        records.add(parts(5, rings));
        rows.add(values);
        return this;
    }

    /** Writes {@code dir/name.shp} and its companions; returns the .shp path. */
    Path write(Path dir, String name) {
        try {
            Path shp = dir.resolve(name + ".shp");
            int total = 100;
            for (byte[] r : records) {
                total += 8 + r.length;
            }
            try (OutputStream shpOut = Files.newOutputStream(shp);
                 OutputStream shxOut = Files.newOutputStream(dir.resolve(name + ".shx"))) {
                shpOut.write(header(total));
                shxOut.write(header(100 + 8 * records.size()));
                int offset = 100;
                int n = 1;
                for (byte[] r : records) {
                    ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
                    h.putInt(n++).putInt(r.length / 2);
                    shpOut.write(h.array());
                    shpOut.write(r);
                    ByteBuffer x = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
                    x.putInt(offset / 2).putInt(r.length / 2);
                    shxOut.write(x.array());
                    offset += 8 + r.length;
                }
            }
            ByteArrayOutputStream dbfBytes = new ByteArrayOutputStream();
            try (DBFWriter w = new DBFWriter(dbfBytes, charset)) {
                w.setFields(fields);
                for (Object[] row : rows) {
                    w.addRecord(row);
                }
            }
            byte[] dbf = dbfBytes.toByteArray();
            dbf[29] = (byte) (languageDriver == null ? 0 : languageDriver);
            Files.write(dir.resolve(name + ".dbf"), dbf);
            if (prj != null) {
                Files.writeString(dir.resolve(name + ".prj"), prj, StandardCharsets.US_ASCII);
            }
            if (cpg != null) {
                Files.writeString(dir.resolve(name + ".cpg"), cpg, StandardCharsets.US_ASCII);
            }
            return shp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] header(int fileBytes) {
        ByteBuffer b = ByteBuffer.allocate(100);
        b.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, fileBytes / 2);
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, shapeType);
        Envelope e = bounds.isNull() ? new Envelope(0, 0, 0, 0) : bounds;
        b.putDouble(36, e.getMinX()).putDouble(44, e.getMinY()).putDouble(52, e.getMaxX()).putDouble(60, e.getMaxY());
        return b.array();
    }

    private static byte[] nullShape() {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array();
    }

    private byte[] shape(Geometry g) {
        if (g instanceof Point p) {
            bounds.expandToInclude(p.getCoordinate());
            return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putDouble(p.getX())
                    .putDouble(p.getY()).array();
        }
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly) {
                parts.add(oriented(poly.getExteriorRing().getCoordinates(), false));
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    parts.add(oriented(poly.getInteriorRingN(h).getCoordinates(), true));
                }
            } else if (part instanceof LineString l) {
                parts.add(l.getCoordinates());
            }
        }
        return parts(g.getDimension() == 2 ? 5 : 3, parts);
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean ccw) {
        if (Orientation.isCCW(ring) != ccw) {
            Coordinate[] r = ring.clone();
            java.util.Collections.reverse(java.util.Arrays.asList(r));
            return r;
        }
        return ring;
    }

    private byte[] parts(int type, List<Coordinate[]> parts) {
        int points = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope e = new Envelope();
        parts.forEach(p -> {
            for (Coordinate c : p) {
                e.expandToInclude(c);
            }
        });
        bounds.expandToInclude(e);
        b.putInt(type).putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
        b.putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] p : parts) {
            b.putInt(start);
            start += p.length;
        }
        for (Coordinate[] p : parts) {
            for (Coordinate c : p) {
                b.putDouble(c.x).putDouble(c.y);
            }
        }
        return b.array();
    }
}
