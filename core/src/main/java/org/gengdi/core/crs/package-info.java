/**
 * Coordinate reference systems: the registry of the CRSs Gengdi serves (CGCS2000 EPSG:4490, WGS 84, Web Mercator
 * and the 64 CGCS2000 Gauss-Krüger zones 4491–4554), the parsing of every way clients write a CRS (EPSG:nnnn, OGC
 * URNs and URLs, CRS:84), the axis-order rules, and proj4j-backed transforms. Chinese land data live in
 * Gauss-Krüger zones whose EPSG definitions list northing first, while GIS files and clients mostly list easting
 * first; getting this wrong silently swaps a county onto the other side of the planet, so all of it is decided here
 * and nowhere else. Inside Gengdi geometries are always x = easting/longitude, y = northing/latitude;
 * {@link org.gengdi.core.crs.CrsRef#axisOrder()} says how a request or response lists them.
 */
package org.gengdi.core.crs;
