package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class CsvEncoderTest {

    @Test
    void startsWithAByteOrderMarkForExcel() throws IOException {
        byte[] csv = bytes(RedLineParcels.info("EPSG:4490"));
        assertThat(csv[0] & 0xFF).isEqualTo(0xEF);
        assertThat(csv[1] & 0xFF).isEqualTo(0xBB);
        assertThat(csv[2] & 0xFF).isEqualTo(0xBF);
    }

    @Test
    void headerIsFidAttributesWkt() throws IOException {
        List<List<String>> rows = parse(text(RedLineParcels.info("EPSG:4490")));
        List<String> header = new ArrayList<>();
        header.add("FID");
        RedLineParcels.TYPE.attributes().forEach(a -> header.add(a.name()));
        header.add("WKT");
        assertThat(rows.get(0)).isEqualTo(header);
        assertThat(rows).hasSize(4);
    }

    @Test
    void rowsComeBackAsTheFeatures() throws Exception {
        List<List<String>> rows = parse(text(RedLineParcels.info("EPSG:4490")));
        List<Feature> input = RedLineParcels.features();
        List<AttributeDef> attributes = RedLineParcels.TYPE.attributes();
        for (int i = 0; i < input.size(); i++) {
            List<String> row = rows.get(i + 1);
            Feature f = input.get(i);
            assertThat(row).hasSize(attributes.size() + 2);
            assertThat(row.get(0)).isEqualTo("YJJBNTBHTB." + f.id());
            for (int a = 0; a < attributes.size(); a++) {
                Object v = f.value(a);
                assertThat(row.get(a + 1)).as(attributes.get(a).name()).isEqualTo(v == null ? "" : Values.text(v));
            }
            Geometry g = new WKTReader().read(row.get(row.size() - 1));
            assertThat(g.equalsExact(f.geometry(), 1e-8)).as("WKT of %s", f.id()).isTrue();
        }
        assertThat(rows.get(1).get(1 + RedLineParcels.TYPE.indexOf("BZ"))).isEqualTo(RedLineParcels.REMARK);
        assertThat(rows.get(1).get(1 + RedLineParcels.TYPE.indexOf("BHKSSJ"))).isEqualTo("2020-01-01");
        assertThat(rows.get(2).get(1 + RedLineParcels.TYPE.indexOf("YJJBNTTBMJ"))).isEqualTo("987654321.125");
    }

    @Test
    void quotesOnlyWhatNeedsItAndEndsLinesInCrLf() throws IOException {
        String csv = text(RedLineParcels.info("EPSG:4490"));
        assertThat(csv).contains(",\"红线内, 勿占用 \"\"2023\"\"\",")
                .contains("\"MULTIPOLYGON (((114.5 38, 114.51 38, 114.51 38.01, 114.5 38.01, 114.5 38), "
                        + "(114.502 38.002, 114.502 38.004, 114.504 38.004, 114.504 38.002, 114.502 38.002)))\"\r\n")
                .contains(",王家村,");
        assertThat(csv.split("\r\n", -1)).hasSize(5); // four lines and the empty rest after the last CRLF
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void wktKeepsTheRequestedDecimals() throws IOException {
        String csv = text(RedLineParcels.info("EPSG:4490"));
        assertThat(csv).contains("POLYGON ((114.56123457 38.04123457, 114.56123457 38.05,");
        String three = text(RedLineParcels.info("EPSG:4490").withDecimals(3));
        assertThat(three).contains("POLYGON ((114.561 38.041, 114.561 38.05,");
    }

    @Test
    void aFeatureWithoutGeometryHasAnEmptyWkt() throws IOException {
        Feature f = new Feature.Builder(RedLineParcels.TYPE).set("BSM", "1").build("1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvEncoder().write(RedLineParcels.info("EPSG:4490"), FeatureCursor.of(List.of(f)), out);
        List<List<String>> rows = parse(out.toString(StandardCharsets.UTF_8).substring(1));
        assertThat(rows.get(1).get(rows.get(1).size() - 1)).isEmpty();
    }

    /** An RFC 4180 reader: quoted fields, doubled quotes, CRLF records. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field.length() == 0 && row.isEmpty()).as("the last record ends in CRLF").isTrue();
        return rows;
    }

    private static byte[] bytes(FeatureCollectionInfo info) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FeatureCursor c = RedLineParcels.cursor()) {
            new CsvEncoder().write(info, c, out);
        }
        return out.toByteArray();
    }

    /** The text after the byte order mark. */
    private static String text(FeatureCollectionInfo info) throws IOException {
        String s = new String(bytes(info), StandardCharsets.UTF_8);
        assertThat(s).startsWith("\uFEFF");
        return s.substring(1);
    }
}
