package org.gengdi.core.crs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code .prj} files as ArcGIS, QGIS/GDAL and others write them, and the registry code each one means. */
class IdentifyWktTest {

    private static final String ESRI_GCS_CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";
    private static final String ESRI_GCS_WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";

    private static String esriGk(String name, String gcs, String method, double fe, double cm) {
        return "PROJCS[\"" + name + "\"," + gcs + ",PROJECTION[\"" + method + "\"],PARAMETER[\"False_Easting\","
                + fe + "],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + cm + "],"
                + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }

    static Stream<Arguments> prjFiles() {
        return Stream.of(
                Arguments.of("ArcGIS 3-degree zone 39", 4527,
                        esriGk("CGCS2000_3_Degree_GK_Zone_39", ESRI_GCS_CGCS2000, "Gauss_Kruger", 39500000.0, 117.0)),
                Arguments.of("ArcGIS 3-degree CM 117E", 4548,
                        esriGk("CGCS2000_3_Degree_GK_CM_117E", ESRI_GCS_CGCS2000, "Transverse_Mercator", 500000.0, 117.0)),
                Arguments.of("ArcGIS 3-degree zone 34", 4522,
                        esriGk("CGCS2000_3_Degree_GK_Zone_34", ESRI_GCS_CGCS2000, "Gauss_Kruger", 34500000.0, 102.0)),
                Arguments.of("ArcGIS 6-degree zone 20", 4498,
                        esriGk("CGCS2000_GK_Zone_20", ESRI_GCS_CGCS2000, "Gauss_Kruger", 20500000.0, 117.0)),
                Arguments.of("ArcGIS 6-degree CM 129E: unprefixed maps to the 3-degree code", 4552,
                        esriGk("CGCS2000_GK_CM_129E", ESRI_GCS_CGCS2000, "Gauss_Kruger", 500000.0, 129.0)),
                Arguments.of("unnamed TM on GRS 1980", 4551,
                        esriGk("Transverse_Mercator", "GEOGCS[\"GCS_GRS_1980\",DATUM[\"D_unknown\",SPHEROID[\"GRS_1980\","
                                + "6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]",
                                "Transverse_Mercator", 500000.0, 126.0)),
                Arguments.of("name says zone 39, parameters say zone 40: parameters win", 4528,
                        esriGk("CGCS2000_3_Degree_GK_Zone_39", ESRI_GCS_CGCS2000, "Gauss_Kruger", 40500000.0, 120.0)),
                Arguments.of("GK zone 39 on WGS 84 ellipsoid (0.1 mm apart)", 4527,
                        esriGk("WGS_1984_3_Degree_GK_Zone_39", ESRI_GCS_WGS84, "Gauss_Kruger", 39500000.0, 117.0)),
                Arguments.of("ArcGIS CGCS2000 geographic", 4490, ESRI_GCS_CGCS2000),
                Arguments.of("ArcGIS WGS 84 geographic", 4326, ESRI_GCS_WGS84),
                Arguments.of("CGCS2000 by datum only", 4490, "GEOGCS[\"unnamed\",DATUM[\"China_2000\","
                        + "SPHEROID[\"CGCS2000\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]"),
                Arguments.of("CGCS2000 by ellipsoid only", 4490, "GEOGCS[\"unnamed\",DATUM[\"unknown\","
                        + "SPHEROID[\"GRS80\",6378137,298.257222101]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]"),
                Arguments.of("with a byte-order mark", 4490, "\uFEFF" + ESRI_GCS_CGCS2000),
                Arguments.of("ArcGIS Web Mercator", 3857, "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\","
                        + ESRI_GCS_WGS84 + ",PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],"
                        + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
                        + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]"),
                Arguments.of("ESRI authority 102100", 3857, "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + ESRI_GCS_WGS84
                        + ",PROJECTION[\"Mercator\"],UNIT[\"Meter\",1.0],AUTHORITY[\"ESRI\",\"102100\"]]"),
                Arguments.of("GDAL pseudo-Mercator without authority", 3857, "PROJCS[\"WGS 84 / Pseudo-Mercator\","
                        + "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
                        + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Mercator_1SP\"],"
                        + "PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],"
                        + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1],EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137 "
                        + "+b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs\"]]"),
                Arguments.of("GDAL OGC WKT with authority and axes", 4490, "GEOGCS[\"China Geodetic Coordinate System 2000\","
                        + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
                        + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
                        + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],"
                        + "AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4490\"]]"),
                Arguments.of("authority beats parameters", 4549, esriGk("x", ESRI_GCS_CGCS2000, "Gauss_Kruger", 500000, 117)
                        .replaceFirst("]$", ",AUTHORITY[\"EPSG\",4549]]")),
                Arguments.of("WKT 2 with ID", 4527, wkt2(true)),
                Arguments.of("WKT 2 by parameters", 4527, wkt2(false)),
                Arguments.of("round brackets", 4548, esriGk("CGCS2000_3_Degree_GK_CM_117E", ESRI_GCS_CGCS2000,
                        "Gauss_Kruger", 500000.0, 117.0).replace('[', '(').replace(']', ')')),
                Arguments.of("pretty-printed", 4527, esriGk("CGCS2000_3_Degree_GK_Zone_39", ESRI_GCS_CGCS2000,
                        "Gauss_Kruger", 39500000.0, 117.0).replace(",", ",\n    ")));
    }

    private static String wkt2(boolean withId) {
        return "PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger zone 39\",\n"
                + "  BASEGEOGCRS[\"China Geodetic Coordinate System 2000\",\n"
                + "    DATUM[\"China 2000\",ELLIPSOID[\"CGCS2000\",6378137,298.257222101,LENGTHUNIT[\"metre\",1]]],\n"
                + "    PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],ID[\"EPSG\",4490]],\n"
                + "  CONVERSION[\"3-degree Gauss-Kruger zone 39\",METHOD[\"Transverse Mercator\",ID[\"EPSG\",9807]],\n"
                + "    PARAMETER[\"Latitude of natural origin\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],\n"
                + "    PARAMETER[\"Longitude of natural origin\",117,ANGLEUNIT[\"degree\",0.0174532925199433]],\n"
                + "    PARAMETER[\"Scale factor at natural origin\",1,SCALEUNIT[\"unity\",1]],\n"
                + "    PARAMETER[\"False easting\",39500000,LENGTHUNIT[\"metre\",1]],\n"
                + "    PARAMETER[\"False northing\",0,LENGTHUNIT[\"metre\",1]]],\n"
                + "  CS[Cartesian,2],\n"
                + "    AXIS[\"northing (X)\",north,ORDER[1],LENGTHUNIT[\"metre\",1]],\n"
                + "    AXIS[\"easting (Y)\",east,ORDER[2],LENGTHUNIT[\"metre\",1]]"
                + (withId ? ",\n  ID[\"EPSG\",4527]]" : "]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prjFiles")
    void identifies(String what, int srid, String wkt) {
        assertThat(CrsRegistry.get().identifyWkt(wkt)).hasValue(srid);
    }

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("Xian 1980 zone 39 (same zone parameters, other ellipsoid)", esriGk(
                        "Xian_1980_3_Degree_GK_Zone_39", "GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                                + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],"
                                + "UNIT[\"Degree\",0.0174532925199433]]", "Gauss_Kruger", 39500000.0, 117.0)),
                Arguments.of("Beijing 1954 zone 39", esriGk("Beijing_1954_3_Degree_GK_Zone_39",
                        "GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]],"
                                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]", "Gauss_Kruger",
                        39500000.0, 117.0)),
                Arguments.of("Xian 1980 geographic", "GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                        + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]"),
                Arguments.of("UTM 50N (scale 0.9996)", "PROJCS[\"WGS_1984_UTM_Zone_50N\"," + ESRI_GCS_WGS84
                        + ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],"
                        + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],"
                        + "PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]"),
                Arguments.of("prefix and meridian disagree", esriGk("CGCS2000_3_Degree_GK_Zone_39", ESRI_GCS_CGCS2000,
                        "Gauss_Kruger", 39500000.0, 120.0)),
                Arguments.of("meridian not on a zone", esriGk("local", ESRI_GCS_CGCS2000, "Transverse_Mercator",
                        500000.0, 117.5)),
                Arguments.of("local false easting", esriGk("local", ESRI_GCS_CGCS2000, "Transverse_Mercator",
                        40000.0, 117.0)),
                Arguments.of("zone prefix 24 is no zone", esriGk("x", ESRI_GCS_CGCS2000, "Gauss_Kruger", 24500000.0, 72.0)),
                Arguments.of("feet", esriGk("CGCS2000_3_Degree_GK_CM_117E", ESRI_GCS_CGCS2000, "Gauss_Kruger",
                        500000.0, 117.0).replace("UNIT[\"Meter\",1.0]", "UNIT[\"Foot_US\",0.3048006096012192]")),
                Arguments.of("Lambert conformal conic", "PROJCS[\"China_Lambert\"," + ESRI_GCS_CGCS2000
                        + ",PROJECTION[\"Lambert_Conformal_Conic\"],PARAMETER[\"Central_Meridian\",105.0],UNIT[\"Meter\",1.0]]"),
                Arguments.of("unsupported EPSG authority", "GEOGCS[\"Xian 1980\",DATUM[\"Xian_1980\",SPHEROID[\"IAG 1975\","
                        + "6378140,298.257]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4610\"]]"),
                Arguments.of("vertical CRS", "VERT_CS[\"Yellow Sea 1985 height\",VERT_DATUM[\"Yellow Sea 1985\",2005],"
                        + "UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"5737\"]]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void doesNotGuess(String what, String wkt) {
        assertThat(CrsRegistry.get().identifyWkt(wkt)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "garbage", "PROJCS[\"x\"", "GEOGCS[\"a\",DATUM[\"b\"]]]", "GEOGCS[\"unterminated]",
            "EPSG:4490", "[]", "GEOGCS[,]"})
    void malformedTextIsUnknown(String wkt) {
        assertThat(CrsRegistry.get().identifyWkt(wkt)).isEmpty();
        assertThat(CrsRegistry.get().identifyWkt(null)).isEqualTo(OptionalInt.empty());
    }

    /** Every registry definition's own WKT — with and without its authority — identifies as itself. */
    @Test
    void everyDefinitionIdentifiesItself() {
        CrsRegistry registry = CrsRegistry.get();
        for (CrsDefinition d : registry.all()) {
            assertThat(registry.identifyWkt(d.wkt())).as("EPSG:%d", d.srid()).hasValue(d.srid());
            String anonymous = d.wkt().replaceAll(",AUTHORITY\\[\"EPSG\",\"" + d.srid() + "\"]]$", "]");
            assertThat(anonymous).isNotEqualTo(d.wkt());
            int expected = registry.gkZone(d.srid()).filter(z -> !z.prefixed())
                    .map(z -> registry.gk3ZoneSrid(z.centralMeridian(), false)).orElse(d.srid());
            assertThat(registry.identifyWkt(anonymous)).as("EPSG:%d without authority", d.srid()).hasValue(expected);
        }
    }
}
