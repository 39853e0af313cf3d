package org.gengdi.server.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Headless QGIS (Debian python3-qgis 3.22, offscreen) as a real client: it loads the red line as WMS layers (WMS
 * 1.3.0 in EPSG:3857, and in EPSG:4490 with its lat/lon axis order) and as a WMTS layer (WebMercatorQuad); each must
 * be valid, report the red line's extent, and render at that extent to a PNG that shows the red outlines across the
 * image. The PNGs are read again here. Fails (never skips) when /usr/bin/python3 or QGIS is missing.
 */
class QgisClientTest {
    private static final String[] RENDERS = {"WMS3857", "WMS4490", "WMTS"};
    private static ConfigurableApplicationContext ctx;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-qgis");
        base = SampleServer.base(ctx);
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void qgisRendersTheWmsAndWmtsLayers() throws Exception {
        Path dir = Files.createTempDirectory("qgis-client");
        Path script = dir.resolve("render.py");
        Files.writeString(script, String.join("\n",
                "import os, sys",
                "os.environ['QT_QPA_PLATFORM'] = 'offscreen'",
                "from qgis.core import (QgsApplication, QgsRasterLayer, QgsMapSettings, QgsMapRendererParallelJob,",
                "                       QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject)",
                "from qgis.PyQt.QtCore import QSize",
                "from qgis.PyQt.QtGui import QColor",
                "base, out = sys.argv[1], sys.argv[2]",
                "app = QgsApplication([], False)",
                "app.initQgis()",
                "wgs84 = QgsCoordinateReferenceSystem('EPSG:4326')",
                "def render(layer, name, crs):",
                "    print(name, 'VALID', layer.isValid(), '' if layer.isValid() else layer.error().summary())",
                "    if not layer.isValid():",
                "        return",
                "    e = QgsCoordinateTransform(layer.crs(), wgs84, QgsProject.instance()).transformBoundingBox(layer.extent())",
                "    print(name, 'EXTENT %.5f %.5f %.5f %.5f' % (e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()))",
                "    s = QgsMapSettings()",
                "    s.setLayers([layer])",
                "    s.setDestinationCrs(QgsCoordinateReferenceSystem(crs))",
                "    s.setExtent(QgsCoordinateTransform(layer.crs(), s.destinationCrs(), QgsProject.instance())",
                "                .transformBoundingBox(layer.extent()))",
                "    s.setOutputSize(QSize(512, 512))",
                "    s.setBackgroundColor(QColor(255, 255, 255))",
                "    job = QgsMapRendererParallelJob(s)",
                "    job.start()",
                "    job.waitForFinished()",
                "    img = job.renderedImage()",
                "    img.save(os.path.join(out, name + '.png'))",
                "    for err in job.errors():",
                "        print(name, 'RENDER ERROR', err.layerID, err.message)",
                "    print(name, 'ERRORS', len(job.errors()))",
                "common = 'contextualWMSLegend=0&dpiMode=7&featureCount=10&format=image/png&layers=YJJBNTBHTB'",
                "render(QgsRasterLayer(common + '&crs=EPSG:3857&styles=&url=' + base + '/wms', 'wms', 'wms'),",
                "       'WMS3857', 'EPSG:3857')",
                "render(QgsRasterLayer(common + '&crs=EPSG:4490&styles=&url=' + base + '/wms', 'wms', 'wms'),",
                "       'WMS4490', 'EPSG:4490')",
                "render(QgsRasterLayer(common + '&crs=EPSG:3857&styles=default&tileMatrixSet=WebMercatorQuad'",
                "                      '&url=' + base + '/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities', 'wmts', 'wms'),",
                "       'WMTS', 'EPSG:3857')",
                "app.exitQgis()",
                ""));
        String out = SampleServer.run(dir, "/usr/bin/python3", script.toString(), base, dir.toString());

        // the red line's extent as the server publishes it (OGC API, CRS84)
        JsonNode collection = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/ogcapi/collections/YJJBNTBHTB?f=json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode bbox = collection.at("/extent/spatial/bbox/0");
        double width = bbox.get(2).asDouble() - bbox.get(0).asDouble();
        double height = bbox.get(3).asDouble() - bbox.get(1).asDouble();

        for (String name : RENDERS) {
            assertThat(out).as(out).contains(name + " VALID True", name + " ERRORS 0");
            // the layer's extent as QGIS read it from the capabilities (axis order included), to 1 % of its size
            Matcher m = Pattern.compile(name + " EXTENT (\\S+) (\\S+) (\\S+) (\\S+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            for (int i = 0; i < 4; i++) {
                assertThat(Double.parseDouble(m.group(i + 1))).as(name + " extent " + i + "\n" + out)
                        .isCloseTo(bbox.get(i).asDouble(), within((i % 2 == 0 ? width : height) * 0.01));
            }
            BufferedImage img = ImageIO.read(dir.resolve(name + ".png").toFile());
            assertThat(img.getWidth()).isEqualTo(512);
            int drawn = 0;
            int red = 0;
            int minX = img.getWidth();
            int maxX = -1;
            int minY = img.getHeight();
            int maxY = -1;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    int rgb = img.getRGB(x, y) & 0xffffff;
                    if (rgb == 0xffffff) {
                        continue;
                    }
                    drawn++;
                    int r = rgb >> 16;
                    int g = (rgb >> 8) & 0xff;
                    int b = rgb & 0xff;
                    if (r > 170 && g < 110 && b < 110) {
                        red++;
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            String what = name + ": drawn " + drawn + ", red " + red + " in x " + minX + ".." + maxX + ", y " + minY
                    + ".." + maxY + "\n" + out;
            assertThat(drawn).as(what).isGreaterThan(512 * 512 / 10);
            assertThat(red).as(what).isGreaterThan(5_000);
            // the outlines spread over the rendered extent, not drawn into a corner (or shifted by swapped axes)
            assertThat(maxX - minX).as(what).isGreaterThan(img.getWidth() / 2);
            assertThat(maxY - minY).as(what).isGreaterThan(img.getHeight() / 3);
        }
    }
}
