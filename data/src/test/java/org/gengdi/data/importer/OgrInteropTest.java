package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.data.importer.ImportTestSupport.failsUnchanged;
import static org.gengdi.data.importer.ImportTestSupport.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.assertj.core.data.Offset;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.measure.EllipsoidalArea;
import org.junit.jupiter.api.Test;

/**
 * Files made by GDAL's ogr2ogr, as counties make them: a GBK shapefile in Gauss-Krüger zone 39 (EPSG:4527) with a
 * .cpg, the same without the .cpg, UTF-8, and a GeoPackage. Areas are checked against GeographicLib on the
 * CGCS2000 ellipsoid computed from the original longitudes/latitudes (FARMLAND-RULES §G.8: within 0.01 %).
 */
class OgrInteropTest extends ImportTargetTest {
    private static final Geodesic CGCS2000 = new Geodesic(6378137.0, 1 / 298.257222101);

    /** Parcels in CGCS2000 longitude/latitude: village, land class, and rings (outer first). */
    private static final List<Object[]> PARCELS = List.of(
            new Object[] {"1", "0101", "水田", "王家村", new double[][][] {{
                {117.2000, 36.5000}, {117.2012, 36.5001}, {117.2015, 36.5011}, {117.2006, 36.5016},
                {117.1998, 36.5009}, {117.2000, 36.5000}}}},
            new Object[] {"2", "0103", "旱地", "李家庄村", new double[][][] {{
                {117.2100, 36.5000}, {117.2160, 36.5000}, {117.2160, 36.5040}, {117.2100, 36.5040},
                {117.2100, 36.5000}}, {
                {117.2120, 36.5010}, {117.2120, 36.5020}, {117.2135, 36.5020}, {117.2135, 36.5010},
                {117.2120, 36.5010}}}},
            new Object[] {"3", "0102", "水浇地", "碾子沟村", new double[][][] {{
                {118.3000, 36.9000}, {118.3050, 36.9002}, {118.3047, 36.9041}, {118.2999, 36.9038},
                {118.3000, 36.9000}}}});

    @Override
    boolean needsGdal() {
        return true;
    }

    /** The geodesic area of the rings (outer minus holes), m², on CGCS2000. */
    static double geodesicArea(double[][][] rings) {
        double total = 0;
        for (int r = 0; r < rings.length; r++) {
            PolygonArea pa = new PolygonArea(CGCS2000, false);
            double[][] ring = rings[r];
            for (int i = 0; i < ring.length - 1; i++) {
                pa.AddPoint(ring[i][1], ring[i][0]);
            }
            double a = Math.abs(pa.Compute().area);
            total += r == 0 ? a : -a;
        }
        return total;
    }

    /** Writes the parcels as GeoJSON in EPSG:4490 with TBMJ = their geodesic area. */
    private Path parcelsGeoJson() throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < PARCELS.size(); i++) {
            Object[] p = PARCELS.get(i);
            double[][][] rings = (double[][][]) p[4];
            List<String> rs = new ArrayList<>();
            for (double[][] ring : rings) {
                List<String> pts = new ArrayList<>();
                for (double[] c : ring) {
                    pts.add(String.format(Locale.ROOT, "[%.7f,%.7f]", c[0], c[1]));
                }
                rs.add("[" + String.join(",", pts) + "]");
            }
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":"
                            + "{\"BSM\":\"%s\",\"DLBM\":\"%s\",\"DLMC\":\"%s\",\"ZLDWMC\":\"%s\",\"TBMJ\":%.4f},"
                            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[%s]}}", p[0], p[1], p[2], p[3],
                    geodesicArea(rings), String.join(",", rs)));
        }
        sb.append("]}");
        return Files.writeString(dir.resolve("parcels.geojson"), sb.toString(), StandardCharsets.UTF_8);
    }

    private Path gbkShapefile(String name) throws IOException {
        Path shp = dir.resolve(name + ".shp");
        Ogr.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527",
                shp.toString(), parcelsGeoJson().toString());
        return shp;
    }

    private void assertParcelsRoundTrip(ImportReport report, String layer) {
        List<Feature> got = features(store, layer);
        assertThat(got).extracting(f -> f.get("ZLDWMC")).containsExactly("王家村", "李家庄村", "碾子沟村");
        assertThat(got).extracting(f -> f.get("DLMC")).containsExactly("水田", "旱地", "水浇地");
        assertThat(got).extracting(f -> f.get("DLBM")).containsExactly("0101", "0103", "0102");
        double sum = 0;
        for (Feature f : got) {
            double tbmj = (Double) f.get("TBMJ");
            double area = EllipsoidalArea.squareMetres(f.geometry(), f.geometry().getSRID());
            assertThat(area).as("feature %s", f.get("BSM")).isCloseTo(tbmj, Offset.offset(tbmj * 1e-4));
            sum += tbmj;
        }
        assertThat(report.areaSquareMetres()).isCloseTo(sum, Offset.offset(sum * 1e-4));
        assertThat(report.areaMu()).isCloseTo(sum / (10000.0 / 15), Offset.offset(sum * 1e-4 / 666));
    }

    @Test
    void gbkShapefileInZone39RoundTripsNamesAndAreas() throws IOException {
        Path shp = gbkShapefile("dltb");
        assertThat(Files.readString(dir.resolve("dltb.cpg")).strip()).isEqualTo("GBK");

        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND));

        assertThat(report.encoding()).isEqualTo("GBK");
        assertThat(report.encodingDecision()).isEqualTo("from dltb.cpg (\"GBK\")");
        assertThat(report.sourceSrid()).isEqualTo(4527);
        assertThat(report.targetSrid()).isEqualTo(4527);
        assertThat(report.crsDecision()).isEqualTo("from dltb.prj");
        assertThat(report.featuresWritten()).isEqualTo(3);
        assertThat(features(store, "DLTB").get(1).geometry().getGeometryN(0).getNumGeometries()).isEqualTo(1);
        assertParcelsRoundTrip(report, "DLTB");
    }

    @Test
    void gbkShapefileWithoutCpgIsDetected() throws IOException {
        Path shp = gbkShapefile("nocpg");
        Files.delete(dir.resolve("nocpg.cpg"));
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withTargetSrid(4490));
        assertThat(report.encoding()).isEqualTo("GBK");
        assertThat(report.encodingDecision()).startsWith("detected: the text is not valid UTF-8 (first at record 1");
        assertThat(report.targetSrid()).isEqualTo(4490);
        assertParcelsRoundTrip(report, "DLTB");
    }

    @Test
    void utf8ShapefileWithCpg() throws IOException {
        Path shp = dir.resolve("utf8.shp");
        Ogr.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527",
                shp.toString(), parcelsGeoJson().toString());
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND));
        assertThat(report.encoding()).isEqualTo("UTF-8");
        assertThat(report.encodingDecision()).startsWith("from utf8.cpg");
        assertParcelsRoundTrip(report, "DLTB");
    }

    @Test
    void geoJsonWrittenByGdalWithACrsMember() throws IOException {
        Path json = dir.resolve("gk.geojson");
        Ogr.ogr2ogr("-f", "GeoJSON", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", json.toString(),
                parcelsGeoJson().toString());
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(json).withKind(LayerKind.CULTIVATED_LAND));
        assertThat(report.sourceSrid()).isEqualTo(4527);
        assertThat(report.crsDecision()).contains("crs member");
        assertParcelsRoundTrip(report, "DLTB");
    }

    @Test
    void geoPackageWrittenByGdal() throws IOException {
        Path gpkg = dir.resolve("county.gpkg");
        Ogr.ogr2ogr("-f", "GPKG", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4527", "-nln", "dltb", gpkg.toString(),
                parcelsGeoJson().toString());
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(gpkg).withKind(LayerKind.CULTIVATED_LAND));
        assertThat(report.format()).isEqualTo("GeoPackage");
        assertThat(report.sourceSrid()).isEqualTo(4527);
        assertParcelsRoundTrip(report, "DLTB");
    }

    @Test
    void geoPackageWithSeveralLayersNeedsTheSourceLayer() throws IOException {
        Path gpkg = dir.resolve("two.gpkg");
        Path json = parcelsGeoJson();
        Ogr.ogr2ogr("-f", "GPKG", "-a_srs", "EPSG:4490", "-nln", "a", gpkg.toString(), json.toString());
        Ogr.ogr2ogr("-f", "GPKG", "-update", "-a_srs", "EPSG:4490", "-nln", "b", gpkg.toString(), json.toString());
        failsUnchanged(store, ImportRequest.of(gpkg)).hasMessage("file two.gpkg holds layers a, b; choose one with "
                + "--source-layer");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(gpkg).fromLayer("b").toLayer("B2"));
        assertThat(report.featuresWritten()).isEqualTo(3);
        assertThat(features(store, "B2").get(0).get("ZLDWMC")).isEqualTo("王家村");
    }
}
