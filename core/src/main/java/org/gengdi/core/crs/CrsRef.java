package org.gengdi.core.crs;

import java.util.Objects;

/**
 * A CRS identifier as a client wrote it, resolved against the registry.
 *
 * <p>The axis order here is the one the <em>request form</em> implies, which may differ from the EPSG definition:
 * {@code EPSG:4490} (short form) means longitude/latitude by long-standing WMS 1.1 / WFS practice, while
 * {@code urn:ogc:def:crs:EPSG::4490} means latitude/longitude as EPSG defines it. Always read coordinates with
 * {@link #axisOrder()}, never with {@code crs().axisOrder()}.
 *
 * @param crs       the registry definition (for {@link Form#CRS84} the EPSG:4326 definition)
 * @param form      how the identifier was written
 * @param axisOrder the order in which coordinates in this request/response are listed
 * @param text      the identifier as given (trimmed), to be echoed back in responses
 */
public record CrsRef(CrsDefinition crs, Form form, AxisOrder axisOrder, String text) {

    /** How a CRS identifier was written. */
    public enum Form {
        /** {@code EPSG:4490}; axis order east/north. */
        SHORT,
        /** {@code urn:ogc:def:crs:EPSG::4490} and its variants; axis order of the EPSG definition. */
        URN,
        /**
         * {@code http://www.opengis.net/def/crs/EPSG/0/4490} (EPSG order), or the GML 2 form
         * {@code http://www.opengis.net/gml/srs/epsg.xml#4490} (east/north, as WFS 1.0 clients mean it).
         */
        URL,
        /** {@code CRS:84} / OGC CRS84: WGS 84 longitude/latitude. */
        CRS84
    }

    public CrsRef {
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(axisOrder, "axisOrder");
        Objects.requireNonNull(text, "text");
    }

    /** The EPSG code of the referenced CRS (4326 for CRS84). */
    public int srid() {
        return crs.srid();
    }

    /** True when coordinates in this form are listed northing/latitude first. */
    public boolean northFirst() {
        return axisOrder == AxisOrder.NORTH_EAST;
    }
}
