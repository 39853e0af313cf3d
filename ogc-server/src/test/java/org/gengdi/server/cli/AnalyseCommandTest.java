package org.gengdi.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** {@code gengdi analyse} on a generated sample county file: the batch path gives the report files. */
class AnalyseCommandTest {

    @Test
    void occupationOnFilesWritesTheReport() throws Exception {
        Path dir = Files.createTempDirectory("gengdi-analyse");
        Path gpkg = dir.resolve("county.gpkg");
        assertThat(GengdiCommand.commandLine().execute("sample", "--gpkg", gpkg.toString(), "--parcels", "1500"))
                .isZero();
        // a 300 m × 300 m block at the centre of the red line's extent, written as GeoJSON in longitude/latitude
        Envelope e;
        try (FeatureStore store = GeoPackageStore.open(gpkg)) {
            e = store.require("YJJBNTBHTB").bounds();
            assertThat(store.require("YJJBNTBHTB").count(Query.ALL)).isPositive();
        }
        double cx = e.centre().x;
        double cy = e.centre().y;
        Envelope box = CrsRegistry.get().transform(4527, 4490).transform(new Envelope(cx - 150, cx + 150, cy - 150,
                cy + 150));
        Path fp = dir.resolve("site.geojson");
        Files.writeString(fp, String.format(java.util.Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.8f,%.8f],[%.8f,%.8f],[%.8f,%.8f],"
                        + "[%.8f,%.8f],[%.8f,%.8f]]]}}", box.getMinX(), box.getMinY(), box.getMaxX(), box.getMinY(),
                box.getMaxX(), box.getMaxY(), box.getMinX(), box.getMaxY(), box.getMinX(), box.getMinY()));
        Path out = dir.resolve("out");
        int code = GengdiCommand.commandLine().execute("analyse", "occupation", "--gpkg", gpkg.toString(),
                "--footprint", fp.toString(), "--projectCategory", "GENERAL", "--projectName=批处理测试",
                "--out", out.toString());
        assertThat(code).isZero();
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertThat(report.path("header").path("project").asText()).isEqualTo("批处理测试");
        // the footprint's area is that of the lon/lat quadrangle (its edges become straight in the GK plane; the
        // difference over 300 m is far below the tolerance)
        assertThat(report.path("header").path("footprintArea").path("m2").asDouble()).isBetween(80_000.0, 100_000.0);
        assertThat(report.path("landUse").path("byDlbm").size()).isPositive();
        assertThat(Files.readString(out.resolve("html.html"))).contains("建设项目占用永久基本农田及耕地分析报告");
        assertThat(Files.size(out.resolve("pieces.geojson"))).isPositive();

        // bad input: an unknown input and a missing file are refused with a message, not a stack trace
        assertThat(GengdiCommand.commandLine().execute("analyse", "occupation", "--gpkg", gpkg.toString(),
                "--nothing", "1")).isEqualTo(2);
        assertThat(GengdiCommand.commandLine().execute("analyse", "occupation", "--gpkg", gpkg.toString(),
                "--footprint", dir.resolve("missing.geojson").toString())).isEqualTo(2);
        assertThat(GengdiCommand.commandLine().execute("analyse", "occupation", "--gpkg", gpkg.toString(),
                "--footprint", fp.toString(), "--projectCategory", "WHATEVER")).isEqualTo(1);
    }
}
