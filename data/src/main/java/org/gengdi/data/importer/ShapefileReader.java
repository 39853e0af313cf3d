package org.gengdi.data.importer;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFException;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads an ESRI shapefile: geometry from the {@code .shp} ({@link ShpFile}), attributes from the {@code .dbf}
 * (javadbf) in the encoding {@link DbfEncoding} decides, CRS from the {@code .prj}. Field types follow the DBF
 * declaration: C → STRING (length in bytes), N/F without decimals → INTEGER (≤ 9 digits) or LONG, N/F with
 * decimals → DOUBLE, L → BOOLEAN, D → DATE. Deleted DBF records are skipped with their shapes.
 */
final class ShapefileReader implements SourceReader {
    private final String name;
    private final List<String> notes = new ArrayList<>();
    private final ShpFile shp;
    private final DBFReader dbf;
    private final InputStream dbfStream;
    private final DbfEncoding encoding;
    private final List<SourceField> fields = new ArrayList<>();
    private final List<Integer> columns = new ArrayList<>();
    private final SourceCrs crs;
    private boolean started;

    ShapefileReader(Path shpPath, Integer srid, Charset givenEncoding) {
        this.name = shpPath.getFileName().toString();
        Path dbfPath = sibling(shpPath, "dbf");
        if (dbfPath == null) {
            throw new ImportException("file " + name + ": the .dbf file is missing (a shapefile needs at least "
                    + ".shp and .dbf next to each other)");
        }
        try {
            this.encoding = DbfEncoding.decide(dbfPath, sibling(shpPath, "cpg"), givenEncoding, notes);
            this.shp = new ShpFile(shpPath, new GeometryFactory(), notes);
        } catch (IOException e) {
            throw new ImportException("file " + name + ": cannot read it: " + e.getMessage(), e);
        }
        try {
            this.crs = decideCrs(shpPath, srid);
            this.dbfStream = new BufferedInputStream(Files.newInputStream(dbfPath), 1 << 16);
            this.dbf = new DBFReader(dbfStream, encoding.charset, true);
            // with deleted rows shown (to keep records aligned with shapes) javadbf adds a leading "deleted" column
            for (int i = dbf.getFieldCount() - encoding.fieldCount; i < dbf.getFieldCount(); i++) {
                DBFField f = dbf.getField(i);
                AttributeType t = typeOf(f);
                if (t == null) {
                    notes.add("file " + dbfPath.getFileName() + ": field " + f.getName() + " of type "
                            + f.getType() + " is not supported and was left out");
                    continue;
                }
                fields.add(new SourceField(f.getName().strip(), t, t == AttributeType.STRING ? f.getLength() : 0));
                columns.add(i);
            }
        } catch (IOException | DBFException e) {
            shp.close();
            throw new ImportException("file " + dbfPath.getFileName() + ": cannot read it: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            shp.close();
            throw e;
        }
        if (sibling(shpPath, "shx") == null) {
            notes.add("file " + name + ": the .shx index is missing; the .shp was read sequentially");
        }
    }

    private SourceCrs decideCrs(Path shpPath, Integer srid) throws IOException {
        Path prj = sibling(shpPath, "prj");
        OptionalInt fromPrj = OptionalInt.empty();
        String prjText = null;
        if (prj != null) {
            prjText = Files.readString(prj, StandardCharsets.ISO_8859_1).strip();
            fromPrj = CrsSupport.identifyWkt(prjText);
        }
        if (srid != null) {
            if (fromPrj.isPresent() && fromPrj.getAsInt() != srid) {
                notes.add("file " + prj.getFileName() + " says EPSG:" + fromPrj.getAsInt() + " but --srid "
                        + srid + " was given and used");
            }
            return new SourceCrs(CrsSupport.require(srid, "--srid"), "given with --srid");
        }
        if (fromPrj.isPresent()) {
            return new SourceCrs(fromPrj.getAsInt(), "from " + prj.getFileName());
        }
        if (prj != null) {
            throw new ImportException("file " + prj.getFileName() + ": the CRS is not one Gengdi knows ("
                    + CrsSupport.describeWkt(prjText) + "); give its EPSG code with --srid");
        }
        OptionalInt gk = CrsSupport.detectGkSrid(shp.bounds());
        if (gk.isPresent()) {
            int zone = (int) Math.floor(shp.bounds().getMinX() / 1_000_000d);
            notes.add("file " + name + " has no .prj: the CRS was detected from the zone prefix " + zone
                    + " of its eastings");
            return new SourceCrs(gk.getAsInt(), "detected from the easting zone prefix " + zone + " (no .prj)");
        }
        throw new ImportException("file " + name + ": there is no .prj, so the CRS is unknown; give its EPSG code "
                + "with --srid (e.g. --srid 4527 for CGCS2000 3-degree Gauss-Kruger zone 39)");
    }

    private static AttributeType typeOf(DBFField f) {
        DBFDataType t = f.getType();
        return switch (t) {
            case CHARACTER, VARCHAR -> AttributeType.STRING;
            case NUMERIC, FLOATING_POINT -> f.getDecimalCount() > 0 ? AttributeType.DOUBLE
                    : f.getLength() <= 9 ? AttributeType.INTEGER
                    : f.getLength() <= 18 ? AttributeType.LONG : AttributeType.DOUBLE;
            case LONG, AUTOINCREMENT -> AttributeType.INTEGER;
            case DOUBLE, CURRENCY -> AttributeType.DOUBLE;
            case LOGICAL -> AttributeType.BOOLEAN;
            case DATE -> AttributeType.DATE;
            case TIMESTAMP, TIMESTAMP_DBASE7 -> AttributeType.DATETIME;
            default -> null;
        };
    }

    /** The file with the same base name and this extension (any case), or null. */
    static Path sibling(Path file, String ext) {
        String fn = file.getFileName().toString();
        int dot = fn.lastIndexOf('.');
        String base = dot < 0 ? fn : fn.substring(0, dot);
        Path dir = file.toAbsolutePath().getParent();
        for (String e : new String[] {ext, ext.toUpperCase()}) {
            Path p = dir.resolve(base + "." + e);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        try (var list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + ext)).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String fileName() {
        return name;
    }

    @Override
    public String format() {
        return "Shapefile";
    }

    @Override
    public List<SourceField> fields() {
        return fields;
    }

    @Override
    public GeometryKind geometryKind() {
        return shp.geometryKind();
    }

    @Override
    public long featureCount() {
        return encoding.recordCount - encoding.deleted.cardinality();
    }

    @Override
    public SourceCrs crs() {
        return crs;
    }

    @Override
    public SourceEncoding encoding() {
        return encoding.decision;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public Iterator<SourceFeature> features() {
        if (started) {
            throw new IllegalStateException("features() may be called once");
        }
        started = true;
        return new Iterator<>() {
            private long index; // 0-based record index in both files
            private SourceFeature pending;

            @Override
            public boolean hasNext() {
                while (pending == null && index < encoding.recordCount) {
                    pending = read(index++);
                }
                if (pending == null && shp.hasNext()) {
                    throw new ImportException("file " + name + ": the .shp has more shapes than the .dbf has "
                            + "records (" + encoding.recordCount + ")");
                }
                return pending != null;
            }

            @Override
            public SourceFeature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceFeature f = pending;
                pending = null;
                return f;
            }
        };
    }

    /** Reads record {@code index} of both files; null when the record is deleted. */
    private SourceFeature read(long index) {
        long row = index + 1;
        if (!shp.hasNext()) {
            throw new ImportException("file " + name + ": the .shp has " + index + " shapes but the .dbf has "
                    + encoding.recordCount + " records (the .shp may be truncated)");
        }
        Geometry g;
        Object[] raw;
        try {
            g = shp.next();
            raw = dbf.nextRecord();
        } catch (IOException e) {
            throw ImportException.at(name, row, ShpFile.fid(row), null, "cannot read: " + e.getMessage());
        } catch (DBFException e) {
            throw ImportException.at(name, row, "FID " + index, null, "the .dbf record cannot be read: "
                    + e.getMessage());
        }
        if (raw == null) {
            throw ImportException.at(name, row, ShpFile.fid(row), null, "the .dbf ends early (the header declares "
                    + encoding.recordCount + " records)");
        }
        if (encoding.deleted.get((int) index)) {
            return null;
        }
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(raw[columns.get(i)], fields.get(i), row, index);
        }
        return new SourceFeature(row, "FID " + index, g, values);
    }

    private Object value(Object v, SourceField f, long row, long index) {
        if (v == null) {
            return null;
        }
        if (v instanceof java.util.Date d) {
            LocalDate day = d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
            return f.type() == AttributeType.DATE ? day : f.type().coerce(d.toInstant()
                    .atZone(ZoneId.systemDefault()).toOffsetDateTime());
        }
        if (v instanceof BigDecimal b && f.type() != AttributeType.DOUBLE) {
            try {
                return f.type() == AttributeType.INTEGER ? (Object) b.intValueExact() : (Object) b.longValueExact();
            } catch (ArithmeticException e) {
                throw ImportException.at(name, row, "FID " + index, f.name(), "the .dbf value " + b.toPlainString()
                        + " does not fit the declared integer field");
            }
        }
        return f.type().coerce(v);
    }

    @Override
    public void close() {
        shp.close();
        try {
            dbf.close();
            dbfStream.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
