package org.gengdi.core.filter.fes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** Layers, features and filter wrappers shared by the FES tests. */
final class FesFixtures {

    /** The red line in CGCS2000 3-degree Gauss-Krüger zone 39 (117°E), as a county stores it. */
    static final FeatureType RED = LayerCatalogue.type(LayerKind.RED_LINE, 4527);
    /** Land-use parcels in geographic CGCS2000. */
    static final FeatureType DLTB = LayerCatalogue.type(LayerKind.CULTIVATED_LAND, 4490);
    static final CrsRef URN_4490 = CrsRegistry.get().parse("urn:ogc:def:crs:EPSG::4490");

    static final String FES_NS = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" "
            + "xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:gengdi=\"http://gengdi.org/farmland\"";
    static final String OGC_NS = "xmlns:ogc=\"http://www.opengis.net/ogc\" xmlns:gml=\"http://www.opengis.net/gml\" "
            + "xmlns:gengdi=\"http://gengdi.org/farmland\"";

    /** A reference point in the county (117.2°E, 31.8°N) and its Gauss-Krüger coordinates. */
    static final double LON = 117.2;
    static final double LAT = 31.8;
    static final Coordinate GK = gk(LON, LAT);

    private FesFixtures() {
    }

    /** Gauss-Krüger coordinates of a place, rounded to whole metres so that literals written in tests are exact. */
    static Coordinate gk(double lon, double lat) {
        Point p = new GeometryFactory().createPoint(new Coordinate(lon, lat));
        Coordinate c = CrsRegistry.get().transform(4490, 4527).transform(p).getCoordinate();
        return new Coordinate(Math.rint(c.x), Math.rint(c.y));
    }

    static FilterContext ctx(FeatureType type) {
        return FilterContext.of(type, URN_4490);
    }

    static String fes(String body) {
        return "<fes:Filter " + FES_NS + ">" + body + "</fes:Filter>";
    }

    static String ogc(String body) {
        return "<ogc:Filter " + OGC_NS + ">" + body + "</ogc:Filter>";
    }

    static Filter parse(String xml, FeatureType type) {
        return FesFilterParser.parse(xml, ctx(type));
    }

    /** A FES 2.0 body rewritten in Filter Encoding 1.1 spelling. */
    static String to11(String fes20Body) {
        return fes20Body.replace("fes:ValueReference", "ogc:PropertyName").replace("fes:ResourceId rid=",
                "ogc:FeatureId fid=").replace("escapeChar=", "escape=").replace("fes:", "ogc:");
    }

    /** Parses a FES 2.0 body and its Filter Encoding 1.1 twin, checks they agree, and returns the filter. */
    static Filter parseBoth(String fes20Body, FeatureType type) {
        Filter v20 = parse(fes(fes20Body), type);
        Filter v11 = parse(ogc(to11(fes20Body)), type);
        assertThat(v11).as("FE 1.1 and FES 2.0 parse alike").isEqualTo(v20);
        return v20;
    }

    static Geometry square(double x, double y, double side, int srid) {
        GeometryFactory f = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), srid);
        return f.toGeometry(new Envelope(x, x + side, y, y + side));
    }

    /** Four red-line parcels of 100 m, 500 m apart west to east along the reference latitude. */
    static List<Feature> redParcels() {
        Feature.Builder b = new Feature.Builder(RED);
        return List.of(
                b.set("DLBM", "0101").set("GDDB", 3).set("YJJBNTTBMJ", 1200.5).set("BHKSSJ", LocalDate.of(2019, 1, 1))
                        .set("ZLDWMC", "城关镇东村").set("TBBH", "T001").set("ZRRMC", "张三")
                        .geometry(square(GK.x, GK.y, 100, 4527)).build("1"),
                b.set("DLBM", "0102").set("GDDB", 7).set("YJJBNTTBMJ", 850.0).set("BHKSSJ", LocalDate.of(2020, 6, 30))
                        .set("ZLDWMC", "城关镇西村").set("TBBH", "t002")
                        .geometry(square(GK.x + 600, GK.y, 100, 4527)).build("2"),
                b.set("DLBM", "0103").set("YJJBNTTBMJ", 15000.0).set("BHKSSJ", LocalDate.of(2021, 12, 31))
                        .set("ZLDWMC", "河口乡").set("TBBH", "T_03")
                        .geometry(square(GK.x + 1200, GK.y, 100, 4527)).build("3"),
                b.set("GDDB", 5).set("TBBH", "X%4")
                        .geometry(square(GK.x + 1800, GK.y, 100, 4527)).build("4"));
    }

    /** The ids of the features the filter selects. */
    static Set<String> matching(Filter f, FeatureType type, List<Feature> features) {
        Predicate<Feature> p = FilterEvaluator.compile(f, type);
        Set<String> ids = new TreeSet<>();
        for (Feature x : features) {
            if (p.test(x)) {
                ids.add(x.id());
            }
        }
        return ids;
    }

    static Set<String> red(Filter f) {
        return matching(f, RED, redParcels());
    }
}
