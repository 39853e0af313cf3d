package org.gengdi.data.importer;

import java.util.Iterator;
import java.util.List;
import org.gengdi.core.feature.GeometryKind;

/**
 * One source file opened for import: its columns, geometry kind, CRS and encoding, and a single forward pass over
 * its features. Opening reads whatever must be known before the first feature (header, encoding, CRS); the
 * features are then streamed, one in memory at a time. Format problems surface as {@link ImportException}.
 */
public interface SourceReader extends AutoCloseable {

    /** The file name used in messages (e.g. {@code dltb.shp}). */
    String fileName();

    /** A short format name: {@code Shapefile}, {@code GeoJSON}, {@code GeoPackage}. */
    String format();

    List<SourceField> fields();

    /** The geometry kind the file declares or holds; {@link GeometryKind#GEOMETRY} when mixed or unknown. */
    GeometryKind geometryKind();

    /** The number of features if known before reading, else -1. */
    long featureCount();

    /** The EPSG code of the coordinates and how it was decided. */
    SourceCrs crs();

    /** The text encoding and how it was decided; null for formats that are always UTF-8 by definition. */
    SourceEncoding encoding();

    /** The features in file order; may be called once. */
    Iterator<SourceFeature> features();

    /** Things worth telling the user that happened while reading (dropped degenerate rings, deleted records). */
    List<String> notes();

    @Override
    void close();

    /**
     * The CRS of a source.
     *
     * @param srid EPSG code
     * @param how  how it was decided, e.g. {@code from dltb.prj}, {@code given with --srid}
     */
    record SourceCrs(int srid, String how) {
    }

    /**
     * The character encoding of a source's text.
     *
     * @param charset the Java charset name, e.g. {@code GBK}
     * @param how     how it was decided, e.g. {@code from dltb.cpg ("936")}, {@code detected: not valid UTF-8}
     */
    record SourceEncoding(String charset, String how) {
    }
}
