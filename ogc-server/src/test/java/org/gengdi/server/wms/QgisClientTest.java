package org.gengdi.server.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Headless QGIS (Debian python3-qgis, offscreen) as a real client: it loads the red line as a WMS layer and as a
 * WMTS layer (WebMercatorQuad), both must be valid, and renders each to a PNG that has to show the red outlines.
 */
class QgisClientTest {
    private static ConfigurableApplicationContext ctx;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-qgis");
        base = SampleServer.base(ctx);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @Test
    void qgisRendersTheWmsAndWmtsLayers() throws Exception {
        Path dir = Files.createTempDirectory("qgis-client");
        Path script = dir.resolve("render.py");
        Files.writeString(script, String.join("\n",
                "import os, sys",
                "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')",
                "from qgis.core import (QgsApplication, QgsRasterLayer, QgsMapSettings, QgsMapRendererSequentialJob,",
                "                       QgsCoordinateReferenceSystem)",
                "from qgis.PyQt.QtCore import QSize",
                "from qgis.PyQt.QtGui import QColor",
                "base, out = sys.argv[1], sys.argv[2]",
                "app = QgsApplication([], False)",
                "app.initQgis()",
                "def render(layer, name):",
                "    print(name, 'VALID', layer.isValid(), layer.error().summary() if not layer.isValid() else '')",
                "    if not layer.isValid():",
                "        return",
                "    s = QgsMapSettings()",
                "    s.setLayers([layer])",
                "    s.setDestinationCrs(QgsCoordinateReferenceSystem('EPSG:3857'))",
                "    s.setExtent(layer.extent())",
                "    s.setOutputSize(QSize(512, 512))",
                "    s.setBackgroundColor(QColor(255, 255, 255))",
                "    job = QgsMapRendererSequentialJob(s)",
                "    job.start()",
                "    job.waitForFinished()",
                "    img = job.renderedImage()",
                "    img.save(os.path.join(out, name + '.png'))",
                "    drawn = red = 0",
                "    for y in range(0, img.height(), 2):",
                "        for x in range(0, img.width(), 2):",
                "            c = img.pixelColor(x, y)",
                "            if (c.red(), c.green(), c.blue()) != (255, 255, 255):",
                "                drawn += 1",
                "                if c.red() > 150 and c.green() < 110 and c.blue() < 110:",
                "                    red += 1",
                "    print(name, 'PIXELS', drawn, 'RED', red, 'ERRORS', len(job.errors()))",
                "wms = QgsRasterLayer('contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/png'",
                "                     '&layers=YJJBNTBHTB&styles=&url=' + base + '/wms', 'wms', 'wms')",
                "render(wms, 'WMS')",
                "wmts = QgsRasterLayer('contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/png'",
                "                      '&layers=YJJBNTBHTB&styles=default&tileMatrixSet=WebMercatorQuad'",
                "                      '&url=' + base + '/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities', 'wmts', 'wms')",
                "render(wmts, 'WMTS')",
                "app.exitQgis()",
                ""));
        String out = SampleServer.run(dir, "/usr/bin/python3", script.toString(), base, dir.toString());
        assertThat(out).contains("WMS VALID True", "WMTS VALID True");
        for (String name : new String[] {"WMS", "WMTS"}) {
            Matcher m = Pattern.compile(name + " PIXELS (\\d+) RED (\\d+) ERRORS (\\d+)").matcher(out);
            assertThat(m.find()).as(out).isTrue();
            int drawn = Integer.parseInt(m.group(1));
            int red = Integer.parseInt(m.group(2));
            // 256 × 256 samples: the red line covers much of its own extent, outlined in red
            assertThat(drawn).as(name + "\n" + out).isGreaterThan(2_000);
            assertThat(red).as(name + "\n" + out).isGreaterThan(200);
            assertThat(Integer.parseInt(m.group(3))).as(out).isZero();
            assertThat(Files.size(dir.resolve(name + ".png"))).isPositive();
        }
    }
}
