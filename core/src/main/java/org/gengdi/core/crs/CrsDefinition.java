package org.gengdi.core.crs;

/**
 * One supported coordinate reference system.
 *
 * @param srid       EPSG code
 * @param name       EPSG name, e.g. {@code CGCS2000 / 3-degree Gauss-Kruger zone 39}
 * @param axisOrder  axis order of the EPSG definition
 * @param geographic true for lon/lat CRSs (degrees), false for projected (metres)
 * @param proj4      PROJ.4 definition used for transforms
 * @param wkt        OGC WKT 1 definition (for GeoPackage {@code gpkg_spatial_ref_sys} and {@code .prj} files)
 */
public record CrsDefinition(int srid, String name, AxisOrder axisOrder, boolean geographic, String proj4,
                            String wkt) {
}
