package org.gengdi.server.analysis.occupation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The farmland analyses (occupation, contiguity, plan validation, candidates) on a PostGIS-backed sample county, checked against the equivalent PostGIS SQL over the
 * same tables ({@code ST_Intersection} + {@code ST_Area(geography)} on CGCS2000): land use by DLBM, the red line
 * (gross area and distinct parcel numbers) within 0.01 %; the verdicts for a general project with and without
 * red-line occupation; avoidance alternatives that occupy no more red line than the declared footprint.
 */
class FarmlandAnalysesLiveTest {
    private static final String SCHEMA = "gengdi_occupation_test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext ctx;
    private static String url;
    private static String exec;

    @BeforeAll
    static void start() throws Exception {
        url = System.getProperty("gengdi.test.pg.url", "");
        assumeTrue(!url.isBlank(), "gengdi.test.pg.url is not set (scripts/test.sh always sets it)");
        sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        ctx = SampleServer.start("gengdi-occupation", "--gengdi.store=postgis", "--gengdi.postgis.url=" + url,
                "--gengdi.postgis.schema=" + SCHEMA, "--gengdi.postgis.pool-size=6");
        exec = SampleServer.base(ctx) + "/ogcapi/processes/gengdi:OccupationAnalysis/execution";
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private static void sql(String s) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(s);
        }
    }

    private static String text(String query) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            assertThat(rs.next()).as(query).isTrue();
            return rs.getString(1);
        }
    }

    private static Map<String, Double> byKey(String query) throws Exception {
        Map<String, Double> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getDouble(2));
            }
        }
        return out;
    }

    private static JsonNode run(String inputs) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(exec))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":" + inputs + ",\"outputs\":{\"report\":{},"
                        + "\"html\":{},\"pieces\":{},\"alternative\":{},\"candidates\":{}},\"response\":\"document\"}",
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String t(String layer) {
        return SCHEMA + ".\"" + layer + "\"";
    }

    /** The PostGIS ellipsoidal area of footprint ∩ layer geometries, per group. */
    private static Map<String, Double> oracle(String fp, String layer, String group) throws Exception {
        return byKey("SELECT " + group + ", sum(ST_Area(ST_Transform(ST_CollectionExtract(ST_Intersection(geom, fp), 3),"
                + " 4490)::geography)) FROM " + t(layer) + ", (SELECT " + fp + " AS fp) f WHERE ST_Intersects(geom, fp)"
                + " GROUP BY 1");
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, org.assertj.core.data.Offset.offset(Math.max(0.05,
                Math.abs(expected) * 1e-4)));
    }

    private static String finding(JsonNode report, String rule) {
        for (JsonNode f : report.path("findings")) {
            if (f.path("rule").asText().equals(rule)) {
                return f.path("verdict").asText();
            }
        }
        return null;
    }

    @Test
    void blockSiteMatchesPostgisAndFailsForAGeneralProject() throws Exception {
        String centre = text("SELECT ST_X(c) || ' ' || ST_Y(c) FROM (SELECT ST_PointOnSurface(geom) c FROM "
                + t("YJJBNTBHTB") + " ORDER BY \"YJJBNTTBBH\" LIMIT 1 OFFSET 40) x");
        double x = Double.parseDouble(centre.split(" ")[0]);
        double y = Double.parseDouble(centre.split(" ")[1]);
        String wkt = String.format(java.util.Locale.ROOT, "POLYGON((%.3f %.3f, %.3f %.3f, %.3f %.3f, %.3f %.3f, "
                + "%.3f %.3f))", x - 200, y - 150, x + 250, y - 150, x + 250, y + 200, x - 200, y + 200, x - 200,
                y - 150);
        JsonNode out = run("{\"footprint\":{\"value\":\"SRID=4527;" + wkt + "\",\"mediaType\":\"application/wkt\"},"
                + "\"projectName\":\"测试地块\",\"projectCategory\":\"GENERAL\",\"avoidance\":true,\"searchRadius\":800,"
                + "\"proposeCandidates\":true}");
        JsonNode report = out.path("report").path("value");
        String fp = "ST_GeomFromText('" + wkt + "', 4527)";

        Map<String, Double> dltb = oracle(fp, "DLTB", "\"DLBM\"");
        JsonNode byDlbm = report.path("landUse").path("byDlbm");
        assertThat(byDlbm.size()).isEqualTo(dltb.size());
        for (JsonNode row : byDlbm) {
            close(row.path("area").path("m2").asDouble(), dltb.get(row.path("dlbm").asText()));
        }
        double redLine = oracle(fp, "YJJBNTBHTB", "'all'").get("all");
        assertThat(redLine).isPositive();
        close(report.path("redLine").path("gross").path("m2").asDouble(), redLine);
        String parcels = text("SELECT count(DISTINCT \"YJJBNTTBBH\") FROM " + t("YJJBNTBHTB") + " WHERE "
                + "ST_Area(ST_CollectionExtract(ST_Intersection(geom, " + fp + "), 3)) > 0");
        assertThat(report.path("redLine").path("parcelCount").asInt()).isEqualTo(Integer.parseInt(parcels));
        double footprint = Double.parseDouble(text("SELECT ST_Area(ST_Transform(" + fp + ", 4490)::geography)"));
        close(report.path("header").path("footprintArea").path("m2").asDouble(), footprint);

        assertThat(finding(report, "R-OCC-GENERAL-BAN")).isEqualTo("FAIL");
        assertThat(finding(report, "R-OCC-SUP-DUTY")).isEqualTo("INFO");
        assertThat(report.path("requirement").path("redLineArea").path("m2").asDouble())
                .isEqualTo(report.path("redLine").path("net").path("m2").asDouble());
        for (JsonNode f : report.path("findings")) {
            assertThat(f.path("rule").asText()).startsWith("R-");
            assertThat(f.path("source").asText()).isNotBlank();
        }
        // the placements: the best occupies no more red line than the declared site
        JsonNode comparison = report.path("avoidance").path("comparison");
        assertThat(comparison.size()).isEqualTo(4);
        double declared = comparison.get(0).path("redLineGross").path("m2").asDouble();
        close(declared, redLine);
        assertThat(comparison.get(1).path("redLineGross").path("m2").asDouble()).isLessThanOrEqualTo(declared);
        assertThat(out.path("alternative").path("value").path("features").size()).isEqualTo(3);

        // proposed 补划 parcels: enough net area, none in the red line or the ecological red line (checked in SQL)
        JsonNode cand = report.path("requirement").path("candidates");
        assertThat(cand.path("covered").asBoolean()).as(cand.toString()).isTrue();
        assertThat(cand.path("selected").path("m2").asDouble())
                .isGreaterThanOrEqualTo(report.path("redLine").path("net").path("m2").asDouble());
        StringBuilder bsms = new StringBuilder();
        for (JsonNode f : out.path("candidates").path("value").path("features")) {
            bsms.append(bsms.length() == 0 ? "" : ",").append('\'').append(f.path("properties").path("BSM").asText())
                    .append('\'');
        }
        assertThat(bsms).isNotEmpty();
        assertThat(text("SELECT count(*) FROM " + t("DLTB") + " d WHERE d.\"BSM\" IN (" + bsms + ") AND (EXISTS ("
                + "SELECT 1 FROM " + t("YJJBNTBHTB") + " r WHERE ST_Area(ST_Intersection(r.geom, d.geom)) > 1) OR EXISTS ("
                + "SELECT 1 FROM " + t("STBHHX") + " s WHERE ST_Area(ST_Intersection(s.geom, d.geom)) > 1) OR "
                + "left(d.\"DLBM\", 3) <> '010' OR d.\"GDPDJB\" = '5')")).isEqualTo("0");

        String html = out.path("html").path("value").asText();
        assertThat(html).contains("永久基本农田", "R-OCC-GENERAL-BAN", "data:image/png;base64,", "测试地块");
        JsonNode pieces = out.path("pieces").path("value").path("features");
        assertThat(pieces.size()).isGreaterThan(1);
    }

    @Test
    void roadInLongitudeLatitudeMatchesPostgis() throws Exception {
        String ext = text("SELECT ST_XMin(e) || ' ' || ST_YMin(e) || ' ' || ST_XMax(e) || ' ' || ST_YMax(e) FROM "
                + "(SELECT ST_Transform(ST_SetSRID(ST_Extent(geom), 4527), 4490) e FROM " + t("DLTB") + ") x");
        String[] e = ext.split(" ");
        double x0 = Double.parseDouble(e[0]);
        double y0 = Double.parseDouble(e[1]);
        double x1 = Double.parseDouble(e[2]);
        double y1 = Double.parseDouble(e[3]);
        double ax = x0 + 0.15 * (x1 - x0);
        double ay = y0 + 0.3 * (y1 - y0);
        double bx = x1 - 0.15 * (x1 - x0);
        double by = y1 - 0.35 * (y1 - y0);
        String line = String.format(java.util.Locale.ROOT, "{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],"
                + "[%.7f,%.7f]]}", ax, ay, bx, by);
        JsonNode out = run("{\"footprint\":" + line + ",\"width\":60,\"projectCategory\":\"STATE_PLAN_INFRA\","
                + "\"avoidance\":true}");
        JsonNode report = out.path("report").path("value");
        String fp = String.format(java.util.Locale.ROOT, "ST_Buffer(ST_Transform(ST_GeomFromText('LINESTRING(%.7f "
                + "%.7f, %.7f %.7f)', 4490), 4527), 30, 'endcap=flat join=mitre')", ax, ay, bx, by);
        double redLine = oracle(fp, "YJJBNTBHTB", "'all'").getOrDefault("all", 0.0);
        close(report.path("redLine").path("gross").path("m2").asDouble(), redLine);
        Map<String, Double> dltb = oracle(fp, "DLTB", "left(\"DLBM\", 2)");
        double cultivated = 0;
        for (JsonNode row : report.path("landUse").path("byFirstLevel")) {
            if (row.path("code").asText().equals("01")) {
                cultivated = row.path("area").path("m2").asDouble();
            }
        }
        close(cultivated, dltb.getOrDefault("01", 0.0));
        assertThat(finding(report, "R-OCC-MAJOR")).isEqualTo(redLine > 0.01 ? "HUMAN" : null);
        JsonNode av = report.path("avoidance");
        assertThat(av.path("mode").asText()).isEqualTo("route");
        assertThat(av.path("found").asBoolean()).as(av.toString()).isTrue();
        JsonNode cmp = av.path("comparison");
        assertThat(cmp.get(1).path("redLineGross").path("m2").asDouble())
                .isLessThan(cmp.get(0).path("redLineGross").path("m2").asDouble());
        assertThat(cmp.get(1).path("ecologicalRedLine").path("m2").asDouble())
                .isLessThanOrEqualTo(cmp.get(0).path("ecologicalRedLine").path("m2").asDouble());
        assertThat(out.path("alternative").path("value").path("features").get(0).path("geometry").path("type")
                .asText()).isEqualTo("LineString");
    }

    /** §C.4: the patches equal ST_ClusterDBSCAN(geom, eps := 8, minpoints := 1) exactly; areas within 0.01 %. */
    @Test
    void contiguityPatchesEqualPostgisClusters() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SampleServer.base(ctx)
                        + "/ogcapi/processes/gengdi:ContiguityScore/execution")).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":{},\"response\":"
                        + "\"document\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = JSON.readTree(r.body());
        Map<Integer, java.util.Set<String>> ours = new HashMap<>();
        for (JsonNode f : out.path("parcels").path("value").path("features")) {
            ours.computeIfAbsent(f.path("properties").path("PATCH").asInt(), k -> new java.util.TreeSet<>())
                    .add(f.path("properties").path("YJJBNTTBBH").asText());
        }
        Map<Integer, java.util.Set<String>> theirs = new HashMap<>();
        Map<Integer, Double> theirArea = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"YJJBNTTBBH\", ST_ClusterDBSCAN(geom, eps := 8, minpoints := 1) "
                     + "OVER () AS k, ST_Area(geom) FROM " + t("YJJBNTBHTB"))) {
            while (rs.next()) {
                theirs.computeIfAbsent(rs.getInt(2), k -> new java.util.TreeSet<>()).add(rs.getString(1));
                theirArea.merge(rs.getInt(2), rs.getDouble(3), Double::sum);
            }
        }
        assertThat(ours.size()).isEqualTo(theirs.size()).isGreaterThan(1);
        assertThat(new java.util.HashSet<>(ours.values())).isEqualTo(new java.util.HashSet<>(theirs.values()));
        Map<java.util.Set<String>, Double> areaByMembers = new HashMap<>();
        theirs.forEach((k, v) -> areaByMembers.put(v, theirArea.get(k)));
        for (JsonNode p : out.path("patches").path("value").path("features")) {
            java.util.Set<String> members = ours.get(p.path("properties").path("PATCH").asInt());
            close(p.path("properties").path("AREA_M2").asDouble(), areaByMembers.get(members));
        }
        JsonNode region = out.path("region").path("value");
        assertThat(region.path("NP").asInt()).isEqualTo(theirs.size());
        assertThat(region.path("FCI").asDouble()).isBetween(0.0, 100.0);
        assertThat(region.path("findings").get(0).path("rule").asText()).isEqualTo("R-CONTIG-FRAG");
        assertThat(out.path("html").path("value").asText()).contains("集中连片度评价报告", "FCI", "data:image/png;base64,");
    }

    /** Reserve candidates through the API: enough area, ranked, with a printable report. */
    @Test
    void reserveCandidatesCoverTheRequestedArea() throws Exception {
        String centre = text("SELECT ST_X(c) || ' ' || ST_Y(c) FROM (SELECT ST_PointOnSurface(geom) c FROM "
                + t("YJJBNTBHTB") + " ORDER BY \"YJJBNTTBBH\" LIMIT 1 OFFSET 10) x");
        String wkt = "SRID=4527;POINT(" + centre + ")";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SampleServer.base(ctx)
                        + "/ogcapi/processes/gengdi:ReserveCandidates/execution")).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":{\"site\":{"
                        + "\"value\":\"" + wkt + "\",\"mediaType\":\"application/wkt\"},\"requiredMu\":30},"
                        + "\"response\":\"document\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = JSON.readTree(r.body());
        JsonNode summary = out.path("summary").path("value");
        assertThat(summary.path("covered").asBoolean()).as(summary.toString()).isTrue();
        assertThat(summary.path("selected").path("mu").asDouble()).isGreaterThanOrEqualTo(30.0);
        JsonNode features = out.path("candidates").path("value").path("features");
        assertThat(features.size()).isPositive();
        assertThat(features.get(0).path("properties").path("rank").asInt()).isEqualTo(1);
        assertThat(out.path("html").path("value").asText()).contains("补划候选地块报告", "R-RES-PRIORITY",
                "data:image/png;base64,");
    }

    /** A plan through the API: the balance adds up, the quantity verdict matches SQL, layout is measured. */
    @Test
    void planValidationBalancesAgainstSql() throws Exception {
        List<String> removed = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"YJJBNTTBBH\" FROM " + t("YJJBNTBHTB")
                     + " ORDER BY \"YJJBNTTBBH\" LIMIT 3 OFFSET 100")) {
            while (rs.next()) {
                removed.add(rs.getString(1));
            }
        }
        List<String> added = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT d.\"BSM\" FROM " + t("DLTB") + " d WHERE left(d.\"DLBM\", 3) = '010' "
                     + "AND d.\"GDPDJB\" <> '5' AND NOT EXISTS (SELECT 1 FROM " + t("YJJBNTBHTB") + " r WHERE "
                     + "ST_Area(ST_Intersection(r.geom, d.geom)) > 1) AND EXISTS (SELECT 1 FROM " + t("YJJBNTBHTB")
                     + " r WHERE ST_DWithin(r.geom, d.geom, 8)) ORDER BY d.\"BSM\" LIMIT 3")) {
            while (rs.next()) {
                added.add(rs.getString(1));
            }
        }
        assertThat(removed).hasSize(3);
        assertThat(added).hasSize(3);
        String in = "'" + String.join("','", added) + "'";
        String outNumbers = "'" + String.join("','", removed) + "'";
        double outNet = Double.parseDouble(text("SELECT sum(\"YJJBNTMJ\") FROM " + t("YJJBNTBHTB")
                + " WHERE \"YJJBNTTBBH\" IN (" + outNumbers + ")"));
        double inNet = Double.parseDouble(text("SELECT sum(ST_Area(ST_Transform(geom, 4490)::geography) * (1 - "
                + "coalesce(\"KCXS\", 0))) FROM " + t("DLTB") + " WHERE \"BSM\" IN (" + in + ")"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SampleServer.base(ctx)
                        + "/ogcapi/processes/gengdi:AdjustmentPlanValidation/execution"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":{\"planType\":\"ART17\",\"removed\":"
                        + JSON.writeValueAsString(removed) + ",\"addedBsm\":" + JSON.writeValueAsString(added)
                        + ",\"pbfTaskMu\":100},\"outputs\":{\"report\":{},\"changes\":{},\"html\":{}},\"response\":\"document\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = JSON.readTree(r.body());
        JsonNode report = out.path("report").path("value");
        JsonNode b = report.path("balance");
        close(b.path("removed").path("net").path("m2").asDouble(), outNet);
        close(b.path("added").path("net").path("m2").asDouble(), inNet);
        close(b.path("after").path("net").path("m2").asDouble(), b.path("before").path("net").path("m2").asDouble()
                - outNet + inNet);
        assertThat(b.path("before").path("parcels").asInt()).isEqualTo(Integer.parseInt(text("SELECT count(*) FROM "
                + t("YJJBNTBHTB"))));
        assertThat(finding(report, "R-BAL-QTY")).isEqualTo(inNet >= outNet ? "PASS" : "FAIL");
        assertThat(finding(report, "R-BAL-LAYOUT")).isIn("PASS", "WARN");
        assertThat(finding(report, "R-CONTIG-ADJ")).isEqualTo("PASS");
        assertThat(finding(report, "R-SLOPE-25-BUBU")).isEqualTo("PASS");
        assertThat(finding(report, "R-RES-1PCT")).isIn("PASS", "FAIL");
        assertThat(report.path("checklist").size()).isEqualTo(10);
        assertThat(out.path("changes").path("value").path("features").size()).isEqualTo(6);
        assertThat(out.path("html").path("value").asText()).contains("调整补划方案校验报告", "R-BAL-QTY",
                "data:image/png;base64,");
    }

    /** An analysis as an OGC API job on PostGIS: 201 + Location, polled to success, results retrievable. */
    @Test
    void contiguityRunsAsAJob() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(SampleServer.base(ctx)
                        + "/ogcapi/processes/gengdi:ContiguityScore/execution")).header("Content-Type", "application/json")
                .header("Prefer", "respond-async").POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":{\"dBridge\":"
                        + "20},\"outputs\":{\"region\":{}}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String location = r.headers().firstValue("Location").orElseThrow();
        JsonNode status = null;
        for (int i = 0; i < 300; i++) {
            status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (status.path("status").asText().matches("successful|failed")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("successful");
        JsonNode results = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(location + "/results")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(results.path("region").path("value").path("parameters").path("dBridge_m").asDouble())
                .isEqualTo(20.0);
    }

    @Test
    void noRedLineMeansPass() throws Exception {
        String p = text("SELECT ST_X(c) || ' ' || ST_Y(c) FROM (SELECT ST_PointOnSurface(d.geom) c FROM " + t("DLTB")
                + " d WHERE d.\"DLBM\" NOT LIKE '01%' AND ST_Area(d.geom) > 2000 AND NOT EXISTS (SELECT 1 FROM "
                + t("YJJBNTBHTB") + " r WHERE ST_DWithin(r.geom, d.geom, 30)) ORDER BY d.\"BSM\" LIMIT 1) x");
        double x = Double.parseDouble(p.split(" ")[0]);
        double y = Double.parseDouble(p.split(" ")[1]);
        String wkt = String.format(java.util.Locale.ROOT, "POLYGON((%.3f %.3f, %.3f %.3f, %.3f %.3f, %.3f %.3f, "
                + "%.3f %.3f))", x - 5, y - 5, x + 5, y - 5, x + 5, y + 5, x - 5, y + 5, x - 5, y - 5);
        JsonNode report = run("{\"footprint\":{\"value\":\"SRID=4527;" + wkt + "\",\"mediaType\":"
                + "\"application/wkt\"},\"projectCategory\":\"GENERAL\"}").path("report").path("value");
        assertThat(report.path("redLine").path("gross").path("m2").asDouble()).isZero();
        assertThat(finding(report, "R-OCC-GENERAL-BAN")).isEqualTo("PASS");
    }
}
