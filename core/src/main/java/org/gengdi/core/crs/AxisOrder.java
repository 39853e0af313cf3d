package org.gengdi.core.crs;

/**
 * The order in which a CRS's definition (or a request form) lists coordinates. Inside Gengdi geometries are
 * always x = easting/longitude, y = northing/latitude; this order matters only where coordinates are read from
 * or written to a request or response.
 */
public enum AxisOrder {
    /** x = easting / longitude first (WMS 1.1.1, WFS 1.0, GeoJSON, short EPSG:xxxx in WFS). */
    EAST_NORTH,
    /** y = northing / latitude first (the EPSG definition of 4326, 4490 and the CGCS2000 GK CRSs). */
    NORTH_EAST
}
