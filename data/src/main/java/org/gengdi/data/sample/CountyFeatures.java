package org.gengdi.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns the county model into features of the national layer schemas ({@link LayerCatalogue}), one list per
 * {@link LayerKind}, in a fixed order with ids 1, 2, 3 … per layer. BSM is the county code, a two-digit layer
 * number and a sequence number, so it is unique across the whole database.
 */
final class CountyFeatures {
    /** Placeholder 要素代码 values (the national YSDM table was not available, FARMLAND-RULES §B.2). */
    private static final Map<LayerKind, String> YSDM = Map.of(
            LayerKind.CULTIVATED_LAND, "2001010100",
            LayerKind.RED_LINE, "2001020100",
            LayerKind.RESERVE, "2001020200",
            LayerKind.ECOLOGICAL_RED_LINE, "2090010100",
            LayerKind.URBAN_BOUNDARY, "2090030100");
    static final LocalDate PROTECTION_START = LocalDate.of(2022, 10, 31);
    static final int SURVEY_YEAR = 2024;

    private final CountyModel m;
    private final String county;

    private CountyFeatures(CountyModel m) {
        this.m = m;
        this.county = m.options.countyCode();
    }

    static Map<LayerKind, List<Feature>> of(CountyModel m) {
        return new CountyFeatures(m).build();
    }

    private Map<LayerKind, List<Feature>> build() {
        Map<LayerKind, List<Feature>> out = new EnumMap<>(LayerKind.class);
        out.put(LayerKind.CULTIVATED_LAND, parcels());
        out.put(LayerKind.RED_LINE, redLine());
        out.put(LayerKind.RESERVE, reserve());
        out.put(LayerKind.ECOLOGICAL_RED_LINE, zones(LayerKind.ECOLOGICAL_RED_LINE, m.zones.eco, true));
        out.put(LayerKind.URBAN_BOUNDARY, zones(LayerKind.URBAN_BOUNDARY, m.zones.urban, true));
        out.put(LayerKind.HIGH_STANDARD_FARMLAND, zones(LayerKind.HIGH_STANDARD_FARMLAND, m.zones.hsf, false));
        out.put(LayerKind.RIVER_LAKE_RANGE, zones(LayerKind.RIVER_LAKE_RANGE, m.zones.riverRange, false));
        out.put(LayerKind.WATER_SOURCE_AREA, zones(LayerKind.WATER_SOURCE_AREA, m.zones.waterSource, false));
        out.put(LayerKind.COUNTY, county());
        out.put(LayerKind.TOWNSHIP, townships());
        out.put(LayerKind.VILLAGE, villages());
        return out;
    }

    /** County code, two digits for the layer, nine for the sequence: 17 characters, unique in the database. */
    private String bsm(LayerKind kind, long seq) {
        return county + pad(kind.ordinal() + 1, 2) + pad(seq, 9);
    }

    /** Zero-padded decimal digits (String.format is slow for 10⁵ features). */
    static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private double area(Geometry crsGeom) {
        return Areas.round2(Areas.squareMetres(crsGeom, m.options.srid()));
    }

    private List<Feature> parcels() {
        Row row = new Row(LayerCatalogue.type(LayerKind.CULTIVATED_LAND, m.options.srid()));
        List<Feature> out = new ArrayList<>(m.parcels.size());
        for (Parcel p : m.parcels) {
            AdminPlan.Village v = p.village;
            row.set("BSM", bsm(LayerKind.CULTIVATED_LAND, p.seq)).set("YSDM", YSDM.get(LayerKind.CULTIVATED_LAND)).set("TBBH", p.tbbh)
                    .set("DLBM", p.dlbm).set("DLMC", LandClass.name(p.dlbm)).set("QSXZ", p.qsxz)
                    .set("QSDWDM", v.unitCode()).set("QSDWMC", v.name).set("ZLDWDM", v.unitCode())
                    .set("ZLDWMC", v.name).set("TBMJ", p.tbmj).set("KCDLBM", p.kcxs > 0 ? LandUse.RIDGE : null)
                    .set("KCXS", p.kcxs).set("KCMJ", p.kcmj).set("TBDLMJ", p.tbdlmj).set("GDLX", p.gdlx)
                    .set("GDPDJB", p.gdpdjb).set("XZDWKD", p.width > 0 ? p.width : null)
                    .set("TBXHDM", p.tbxhdm).set("TBXHMC", ParcelAttributes.refinement(p.tbxhdm))
                    .set("ZZSXDM", p.zzsxdm).set("ZZSXMC", ParcelAttributes.planting(p.zzsxdm))
                    .set("GDDB", p.gddb).set("GDDJ", p.gddj).set("CZCSXM", p.czcsxm).set("SJNF", SURVEY_YEAR);
            out.add(row.build(Long.toString(p.seq), p.geom));
        }
        return out;
    }

    private List<Feature> redLine() {
        Row row = new Row(LayerCatalogue.type(LayerKind.RED_LINE, m.options.srid()));
        List<Feature> out = new ArrayList<>();
        Map<String, Integer> perTownship = new HashMap<>();
        long seq = 0;
        for (Parcel p : m.parcels) {
            if (!p.red) {
                continue;
            }
            seq++;
            AdminPlan.Village v = p.village;
            AdminPlan.Township t = v.township;
            int n = perTownship.merge(t.code, 1, Integer::sum);
            Rand r = new Rand(m.frame.seed, 0x7a7272L, p.seq);
            int group = 1 + (int) (Rand.unit(m.frame.seed, 0x7a6d63L, p.seq) * 9);
            String zmc = "第" + Names.chineseNumber(group) + "村民组";
            row.set("BSM", bsm(LayerKind.RED_LINE, seq)).set("YSDM", YSDM.get(LayerKind.RED_LINE))
                    .set("XZQDM", t.code).set("XZQMC", t.name).set("YJJBNTTBBH", t.code + pad(n, 6))
                    .set("TBBH", p.tbbh).set("DLBM", p.dlbm).set("DLMC", LandClass.name(p.dlbm)).set("QSXZ", p.qsxz)
                    .set("QSDWDM", v.unitCode()).set("QSDWMC", v.name).set("ZLDWDM", v.unitCode())
                    .set("ZLDWMC", v.name).set("YJJBNTTBMJ", p.tbmj).set("KCDLBM", p.kcxs > 0 ? LandUse.RIDGE : null)
                    .set("KCXS", p.kcxs).set("KCMJ", p.kcmj).set("YJJBNTMJ", p.tbdlmj).set("GDLX", p.gdlx)
                    .set("GDPDJB", p.gdpdjb).set("ZZSXDM", p.zzsxdm).set("ZZSXMC", ParcelAttributes.planting(p.zzsxdm))
                    .set("GDDB", p.gddb).set("GDDJ", p.gddj).set("SJNF", SURVEY_YEAR)
                    .set("BHKSSJ", PROTECTION_START)
                    .set("WDGD", Rand.unit(m.frame.seed, 0x77646764L, p.seq) < 0.94 ? "1" : "0")
                    .set("ZRRMC", Names.person(r)).set("ZRRZJHM", Names.idNumber(r, county)).set("LXDH", Names.phone(r))
                    .set("JZDZ", m.admin.countyName + t.name + v.name + zmc).set("ZMC", zmc);
            out.add(row.build(Long.toString(seq), p.geom));
        }
        return out;
    }

    private List<Feature> reserve() {
        Row row = new Row(LayerCatalogue.type(LayerKind.RESERVE, m.options.srid()));
        List<Feature> out = new ArrayList<>();
        Map<String, Integer> perTownship = new HashMap<>();
        long seq = 0;
        for (Parcel p : m.parcels) {
            if (!p.reserve) {
                continue;
            }
            seq++;
            AdminPlan.Township t = p.village.township;
            int n = perTownship.merge(t.code, 1, Integer::sum);
            row.set("BSM", bsm(LayerKind.RESERVE, seq)).set("YSDM", YSDM.get(LayerKind.RESERVE))
                    .set("XZQDM", t.code).set("XZQMC", t.name).set("CBQTBBH", t.code + "CB" + pad(n, 5))
                    .set("TBBH", p.tbbh).set("DLBM", p.dlbm).set("DLMC", LandClass.name(p.dlbm))
                    .set("ZLDWDM", p.village.unitCode()).set("ZLDWMC", p.village.name).set("TBMJ", p.tbmj)
                    .set("KCXS", p.kcxs).set("KCMJ", p.kcmj).set("TBDLMJ", p.tbdlmj).set("GDPDJB", p.gdpdjb)
                    .set("GDDB", p.gddb).set("GDDJ", p.gddj).set("SJNF", SURVEY_YEAR);
            out.add(row.build(Long.toString(seq), p.geom));
        }
        return out;
    }

    private List<Feature> zones(LayerKind kind, List<Zones.Zone> zones, boolean ysdm) {
        FeatureType type = LayerCatalogue.type(kind, m.options.srid());
        Row row = new Row(type);
        List<Feature> out = new ArrayList<>();
        long seq = 0;
        for (Zones.Zone z : zones) {
            Geometry g = m.frame.toCrs(z.local, m.crs);
            if (g.isEmpty()) {
                continue;
            }
            seq++;
            row.set("BSM", bsm(kind, seq)).set("XZQDM", z.township.code).set("XZQMC", z.township.name);
            if (ysdm) {
                row.set("YSDM", YSDM.get(kind));
            }
            if (type.indexOf("MJ") >= 0) {
                row.set("MJ", area(g));
            }
            z.values.forEach(row::set);
            out.add(row.build(Long.toString(seq), g));
        }
        return out;
    }

    private List<Feature> county() {
        Row row = new Row(LayerCatalogue.type(LayerKind.COUNTY, m.options.srid()));
        Geometry g = m.frame.toCrs(m.county, m.crs);
        double a = area(g);
        row.set("BSM", bsm(LayerKind.COUNTY, 1)).set("XZQDM", county).set("XZQMC", m.admin.countyName)
                .set("DCMJ", a).set("JSMJ", a);
        return List.of(row.build("1", g));
    }

    private List<Feature> townships() {
        Row row = new Row(LayerCatalogue.type(LayerKind.TOWNSHIP, m.options.srid()));
        List<AdminPlan.Township> ts = new ArrayList<>(m.admin.townships);
        ts.sort((a, b) -> a.code.compareTo(b.code));
        List<Feature> out = new ArrayList<>();
        long seq = 0;
        for (AdminPlan.Township t : ts) {
            if (m.townshipGeom[t.index] == null) {
                continue;
            }
            Geometry g = m.frame.toCrs(m.townshipGeom[t.index], m.crs);
            double a = area(g);
            seq++;
            row.set("BSM", bsm(LayerKind.TOWNSHIP, seq)).set("XZQDM", t.code).set("XZQMC", t.name)
                    .set("DCMJ", a).set("JSMJ", a);
            out.add(row.build(Long.toString(seq), g));
        }
        return out;
    }

    private List<Feature> villages() {
        Row row = new Row(LayerCatalogue.type(LayerKind.VILLAGE, m.options.srid()));
        List<AdminPlan.Village> vs = new ArrayList<>(m.admin.villages);
        vs.sort((a, b) -> a.code.compareTo(b.code));
        List<Feature> out = new ArrayList<>();
        long seq = 0;
        for (AdminPlan.Village v : vs) {
            if (m.villageGeom[v.index] == null) {
                continue;
            }
            Geometry g = m.frame.toCrs(m.villageGeom[v.index], m.crs);
            seq++;
            row.set("BSM", bsm(LayerKind.VILLAGE, seq)).set("XZQDM", v.township.code).set("XZQMC", v.township.name)
                    .set("ZLDWDM", v.unitCode()).set("ZLDWMC", v.name).set("JSMJ", area(g));
            out.add(row.build(Long.toString(seq), g));
        }
        return out;
    }

    /** Builds features of one type by field name, with the name → index lookup done once. */
    private static final class Row {
        private final FeatureType type;
        private final Map<String, Integer> index = new HashMap<>();
        private Object[] values;

        Row(FeatureType type) {
            this.type = type;
            for (int i = 0; i < type.attributes().size(); i++) {
                index.put(type.attributes().get(i).name(), i);
            }
            values = new Object[type.attributes().size()];
        }

        Row set(String name, Object value) {
            Integer i = index.get(name);
            if (i == null) {
                throw new IllegalArgumentException("no attribute " + name + " in " + type.name());
            }
            values[i] = type.attributes().get(i).type().coerce(value);
            return this;
        }

        Feature build(String id, Geometry g) {
            Feature f = new Feature(type, id, g, values);
            values = new Object[type.attributes().size()];
            return f;
        }
    }
}
