package org.gengdi.data.importer;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.gengdi.core.crs.UnknownCrsException;
import org.gengdi.core.measure.EllipsoidalArea;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** The importer's few questions to the CRS registry and the area measure, in one place. */
final class CrsSupport {
    private static final Pattern WKT_NAME = Pattern.compile("^\\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\\[\"([^\"]*)\"");

    private CrsSupport() {
    }

    /** The EPSG code a {@code .prj} describes, if the registry knows it. */
    static OptionalInt identifyWkt(String wkt) {
        return wkt == null || wkt.isBlank() ? OptionalInt.empty() : CrsRegistry.get().identifyWkt(wkt);
    }

    /** The CRS name at the start of a WKT, for messages. */
    static String describeWkt(String wkt) {
        Matcher m = WKT_NAME.matcher(wkt == null ? "" : wkt);
        if (m.find()) {
            return "it describes \"" + m.group(1) + "\"";
        }
        return wkt == null || wkt.isBlank() ? "it is empty" : "it is not WKT Gengdi can read";
    }

    /** The code itself when the registry supports it, else a clear error naming where it came from. */
    static int require(int srid, String from) {
        try {
            return CrsRegistry.get().byEpsg(srid).srid();
        } catch (UnknownCrsException e) {
            throw new ImportException(from + ": " + e.getMessage());
        }
    }

    /** The EPSG code a CRS identifier (EPSG:4527, urn:ogc:def:crs:EPSG::4527, CRS84 …) names. */
    static int parse(String identifier, String from) {
        try {
            return CrsRegistry.get().parse(identifier).crs().srid();
        } catch (UnknownCrsException e) {
            throw new ImportException(from + ": " + e.getMessage() + "; give the CRS with --srid");
        }
    }

    /** The prefixed Gauss-Krüger code that both ends of an extent's eastings imply, if any. */
    static OptionalInt detectGkSrid(Envelope bounds) {
        if (bounds == null || bounds.isNull()) {
            return OptionalInt.empty();
        }
        OptionalInt a = CrsRegistry.get().detectGkSrid(bounds.getMinX());
        OptionalInt b = CrsRegistry.get().detectGkSrid(bounds.getMaxX());
        boolean plausibleNorthing = bounds.getMinY() > 0 && bounds.getMaxY() < 1e7;
        return a.isPresent() && a.equals(b) && plausibleNorthing ? a : OptionalInt.empty();
    }

    /** The transform between two registry CRSs (identity when equal). */
    static CrsTransform transform(int from, int to) {
        return CrsRegistry.get().transform(from, to);
    }

    /** The ellipsoidal area in m² of a geometry's polygonal parts, coordinates in {@code srid}. */
    static double area(Geometry g, int srid) {
        return EllipsoidalArea.squareMetres(g, srid);
    }
}
