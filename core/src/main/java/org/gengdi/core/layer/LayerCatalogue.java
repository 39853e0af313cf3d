package org.gengdi.core.layer;

import static org.gengdi.core.feature.AttributeType.DATE;
import static org.gengdi.core.feature.AttributeType.DOUBLE;
import static org.gengdi.core.feature.AttributeType.INTEGER;
import static org.gengdi.core.feature.AttributeType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.CodeList;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;

/**
 * The farmland layer catalogue: for each {@link LayerKind}, the feature type with the national field names,
 * types, Chinese titles, code lists and personal-data flags (FARMLAND-RULES §B.2–§B.4, §G.11).
 * Field lengths follow the observed county DDL and the 二调/三调 database standards.
 */
public final class LayerCatalogue {
    private static final Map<LayerKind, FeatureType> TYPES = new EnumMap<>(LayerKind.class);

    static {
        AttributeDef bsm = s("BSM", 18, "标识码");
        AttributeDef ysdm = s("YSDM", 10, "要素代码");
        AttributeDef xzqdm = s("XZQDM", 12, "行政区代码");
        AttributeDef xzqmc = s("XZQMC", 100, "行政区名称");
        AttributeDef dlbm = s("DLBM", 5, "地类编码").withCodeList(CodeLists.DLBM);
        AttributeDef dlmc = s("DLMC", 60, "地类名称");
        AttributeDef qsxz = s("QSXZ", 3, "权属性质").withCodeList(CodeLists.QSXZ);
        AttributeDef qsdwdm = s("QSDWDM", 19, "权属单位代码");
        AttributeDef qsdwmc = s("QSDWMC", 60, "权属单位名称");
        AttributeDef zldwdm = s("ZLDWDM", 19, "坐落单位代码");
        AttributeDef zldwmc = s("ZLDWMC", 60, "坐落单位名称");
        AttributeDef kcdlbm = s("KCDLBM", 5, "扣除地类编码");
        AttributeDef kcxs = d("KCXS", "扣除地类系数");
        AttributeDef kcmj = d("KCMJ", "扣除地类面积");
        AttributeDef gdlx = s("GDLX", 2, "耕地类型").withCodeList(CodeLists.GDLX);
        AttributeDef gdpdjb = s("GDPDJB", 2, "耕地坡度级别").withCodeList(CodeLists.GDPDJB);
        AttributeDef zzsxdm = s("ZZSXDM", 6, "种植属性代码").withCodeList(CodeLists.ZZSXDM);
        AttributeDef zzsxmc = s("ZZSXMC", 20, "种植属性名称");
        AttributeDef tbxhdm = s("TBXHDM", 6, "图斑细化代码").withCodeList(CodeLists.TBXHDM);
        AttributeDef tbxhmc = s("TBXHMC", 20, "图斑细化名称");
        AttributeDef gddb = i("GDDB", "耕地等别").withCodeList(CodeLists.GDDB);
        AttributeDef gddj = i("GDDJ", "耕地质量等级").withCodeList(CodeLists.GDDJ);
        AttributeDef frdbs = s("FRDBS", 1, "飞入地标识");
        AttributeDef sjnf = i("SJNF", "数据年份");
        AttributeDef mj = d("MJ", "面积");
        AttributeDef bz = s("BZ", 254, "备注");

        put(LayerKind.CULTIVATED_LAND, GeometryKind.MULTIPOLYGON, bsm, ysdm, s("TBYBH", 18, "图斑预编号"),
                s("TBBH", 8, "图斑编号"), dlbm, dlmc, qsxz, qsdwdm, qsdwmc, zldwdm, zldwmc, d("TBMJ", "图斑面积"),
                kcdlbm, kcxs, kcmj, d("TBDLMJ", "图斑地类面积"), gdlx, gdpdjb, d("XZDWKD", "线状地物宽度"),
                tbxhdm, tbxhmc, zzsxdm, zzsxmc, gddb, gddj, frdbs, s("CZCSXM", 4, "城镇村属性码"), sjnf,
                s("MSSM", 2, "描述说明"), s("HDMC", 100, "海岛名称"), bz);

        put(LayerKind.RED_LINE, GeometryKind.MULTIPOLYGON, bsm, ysdm, xzqdm, xzqmc,
                s("YJJBNTTBBH", 20, "永久基本农田图斑编号"), s("TBBH", 8, "图斑编号"), dlbm, dlmc, qsxz, qsdwdm, qsdwmc,
                zldwdm, zldwmc, d("YJJBNTTBMJ", "永久基本农田图斑面积"), kcdlbm, kcxs, kcmj,
                d("YJJBNTMJ", "永久基本农田面积"), gdlx, gdpdjb, zzsxdm, zzsxmc, gddb, gddj, frdbs, sjnf,
                new AttributeDef("BHKSSJ", DATE, 0, "保护开始时间", false, null),
                new AttributeDef("BHJSSJ", DATE, 0, "保护结束时间", false, null),
                s("WDGD", 1, "稳定耕地标识"),
                s("ZRRMC", 60, "责任人名称").asPersonal(), s("ZRRZJHM", 18, "责任人证件号码").asPersonal(),
                s("LXDH", 20, "联系电话").asPersonal(), s("JZDZ", 200, "居住地址").asPersonal(),
                s("ZMC", 60, "组名称").asPersonal(), bz);

        put(LayerKind.RESERVE, GeometryKind.MULTIPOLYGON, bsm, ysdm, xzqdm, xzqmc, s("CBQTBBH", 20, "储备区图斑编号"),
                s("TBBH", 8, "图斑编号"), dlbm, dlmc, zldwdm, zldwmc, d("TBMJ", "图斑面积"), kcxs, kcmj,
                d("TBDLMJ", "图斑地类面积"), gdpdjb, gddb, gddj, sjnf, bz);

        put(LayerKind.ECOLOGICAL_RED_LINE, GeometryKind.MULTIPOLYGON, bsm, ysdm, xzqdm, xzqmc,
                s("HXBM", 30, "红线编码"), s("HXMC", 100, "红线名称"), s("HXLX", 2, "红线类型").withCodeList(CodeLists.HXLX),
                mj, s("ZRBHDMC", 100, "自然保护地名称"), s("GKCS", 254, "管控措施"));

        put(LayerKind.URBAN_BOUNDARY, GeometryKind.MULTIPOLYGON, bsm, ysdm, xzqdm, xzqmc,
                s("GHFQDM", 3, "规划分区代码"), s("GHFQMC", 60, "规划分区名称"), mj);

        put(LayerKind.HIGH_STANDARD_FARMLAND, GeometryKind.MULTIPOLYGON, bsm, xzqdm, xzqmc,
                s("XMMC", 100, "项目名称"), i("JSND", "建设年度"), mj, bz);

        put(LayerKind.RIVER_LAKE_RANGE, GeometryKind.MULTIPOLYGON, bsm, xzqdm, xzqmc, s("HHMC", 60, "河湖名称"),
                s("HHLX", 10, "河湖类型"), mj);

        put(LayerKind.WATER_SOURCE_AREA, GeometryKind.MULTIPOLYGON, bsm, xzqdm, xzqmc, s("BHQMC", 100, "保护区名称"),
                s("BHQJB", 10, "保护区级别"), mj);

        put(LayerKind.COUNTY, GeometryKind.MULTIPOLYGON, bsm, xzqdm, xzqmc, d("DCMJ", "调查面积"), d("JSMJ", "计算面积"));
        put(LayerKind.TOWNSHIP, GeometryKind.MULTIPOLYGON, bsm, xzqdm, xzqmc, d("DCMJ", "调查面积"), d("JSMJ", "计算面积"));
        put(LayerKind.VILLAGE, GeometryKind.MULTIPOLYGON, bsm, xzqdm, xzqmc, s("ZLDWDM", 19, "坐落单位代码"),
                s("ZLDWMC", 60, "坐落单位名称"), d("JSMJ", "计算面积"));
    }

    private LayerCatalogue() {
    }

    /** The national feature type of a layer kind, in the given CRS. */
    public static FeatureType type(LayerKind kind, int srid) {
        return TYPES.get(kind).withSrid(srid);
    }

    /** The kind whose national layer name this is (case-insensitive), if any. */
    public static Optional<LayerKind> kindOf(String layerName) {
        return Arrays.stream(LayerKind.values()).filter(k -> k.layerName().equalsIgnoreCase(layerName)).findFirst();
    }

    /** All kinds' feature types in a CRS. */
    public static List<FeatureType> all(int srid) {
        List<FeatureType> out = new ArrayList<>();
        for (LayerKind k : LayerKind.values()) {
            out.add(type(k, srid));
        }
        return out;
    }

    private static void put(LayerKind kind, GeometryKind geom, AttributeDef... attrs) {
        TYPES.put(kind, new FeatureType(kind.layerName(), kind.title(), "geom", geom, 4490, List.of(attrs)));
    }

    private static AttributeDef s(String name, int length, String title) {
        return new AttributeDef(name, STRING, length, title, false, null);
    }

    private static AttributeDef d(String name, String title) {
        return attr(name, DOUBLE, title, null);
    }

    private static AttributeDef i(String name, String title) {
        return attr(name, INTEGER, title, null);
    }

    private static AttributeDef attr(String name, AttributeType t, String title, CodeList cl) {
        return new AttributeDef(name, t, 0, title, false, cl);
    }
}
