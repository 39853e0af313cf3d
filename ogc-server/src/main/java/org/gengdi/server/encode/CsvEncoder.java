package org.gengdi.server.encode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTWriter;

/**
 * Features as CSV (RFC 4180): a header {@code FID,<attributes…>,WKT}, then one line per feature with its id
 * ({@code LAYER.fid}), its values as text (ISO dates, plain decimals, empty for null) and its geometry as WKT, x
 * (easting/longitude) first as WKT always is. Lines end in CRLF; fields with a comma, a quote or a line break are
 * quoted, quotes doubled.
 *
 * <p>The file starts with a UTF-8 byte order mark: without it Excel on a Chinese Windows reads a CSV file in the
 * ANSI code page (GBK) and shows 王家村 as mojibake; with it Excel, LibreOffice, QGIS and GDAL all read UTF-8.
 */
public final class CsvEncoder implements FeatureEncoder {

    @Override
    public String mimeType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public List<String> formatNames() {
        return List.of(mimeType(), "text/csv", "csv");
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public void write(FeatureCollectionInfo info, FeatureCursor features, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        w.write('\uFEFF');
        List<AttributeDef> attributes = info.featureType().attributes();
        field(w, "FID");
        for (AttributeDef a : attributes) {
            w.write(',');
            field(w, a.name());
        }
        w.write(",WKT\r\n");
        WKTWriter wkt = new WKTWriter(2);
        wkt.setPrecisionModel(new Decimals(info.decimals()));
        long position = 0;
        while (features.hasNext()) {
            Feature f = features.next();
            field(w, info.featureId(f, ++position));
            for (int i = 0; i < attributes.size(); i++) {
                w.write(',');
                field(w, Values.text(f.value(i)));
            }
            w.write(',');
            Geometry g = f.geometry();
            if (g != null && !g.isEmpty()) {
                w.write('"'); // WKT always holds commas
                wkt.write(g, w);
                w.write('"');
            }
            w.write("\r\n");
        }
        w.flush(); // not close: the stream is the caller's
    }

    private static void field(Writer w, String s) throws IOException {
        if (s == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            w.write(s);
            return;
        }
        w.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                w.write('"');
            }
            w.write(c);
        }
        w.write('"');
    }

    /**
     * A fixed precision model of {@code 10^decimals} that makes {@link WKTWriter} write exactly {@code decimals}
     * fraction digits: the writer takes its digit count from {@link #getMaximumSignificantDigits()}, which for a plain
     * fixed model is one more than the scale's decimals.
     */
    private static final class Decimals extends PrecisionModel {
        private final int decimals;

        Decimals(int decimals) {
            super(Math.pow(10, decimals));
            this.decimals = decimals;
        }

        @Override
        public int getMaximumSignificantDigits() {
            return decimals;
        }
    }
}
