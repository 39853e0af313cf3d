package org.gengdi.core.feature;

import org.locationtech.jts.geom.Geometry;

/** The geometry type a layer holds, named as in OGC Simple Features. */
public enum GeometryKind {
    POINT("Point"),
    LINESTRING("LineString"),
    POLYGON("Polygon"),
    MULTIPOINT("MultiPoint"),
    MULTILINESTRING("MultiLineString"),
    MULTIPOLYGON("MultiPolygon"),
    GEOMETRY("Geometry");

    private final String ogcName;

    GeometryKind(String ogcName) {
        this.ogcName = ogcName;
    }

    /** The OGC Simple Features name, e.g. {@code MultiPolygon}. */
    public String ogcName() {
        return ogcName;
    }

    /** True when a geometry of this JTS type may be stored in a layer of this kind. */
    public boolean accepts(Geometry g) {
        if (this == GEOMETRY || g == null) {
            return true;
        }
        String t = g.getGeometryType();
        return switch (this) {
            case MULTIPOLYGON -> t.equals("MultiPolygon") || t.equals("Polygon");
            case MULTILINESTRING -> t.equals("MultiLineString") || t.equals("LineString");
            case MULTIPOINT -> t.equals("MultiPoint") || t.equals("Point");
            default -> t.equals(ogcName);
        };
    }

    public static GeometryKind fromOgcName(String name) {
        for (GeometryKind k : values()) {
            if (k.ogcName.equalsIgnoreCase(name) || k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown geometry type: " + name);
    }
}
