package org.gengdi.core.layer;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gengdi.core.feature.CodeList;

/** The national code lists used by the farmland layers (FARMLAND-RULES §B.1, §B.5, §B.6). */
public final class CodeLists {
    private CodeLists() {
    }

    /** 三调 working land classification (DLBM, GB/T 21010-2017 with 三调 merges), second level. */
    public static final CodeList DLBM = new CodeList("DLBM", "地类编码", map(
            "0303", "红树林地", "0304", "森林沼泽", "0306", "灌丛沼泽", "0402", "沼泽草地", "0603", "盐田",
            "1105", "沿海滩涂", "1106", "内陆滩涂", "1108", "沼泽地",
            "0101", "水田", "0102", "水浇地", "0103", "旱地",
            "0201", "果园", "0202", "茶园", "0203", "橡胶园", "0204", "其他园地",
            "0301", "乔木林地", "0302", "竹林地", "0305", "灌木林地", "0307", "其他林地",
            "0401", "天然牧草地", "0403", "人工牧草地", "0404", "其他草地",
            "05H1", "商业服务业设施用地", "0508", "物流仓储用地",
            "0601", "工业用地", "0602", "采矿用地",
            "0701", "城镇住宅用地", "0702", "农村宅基地",
            "08H1", "机关团体新闻出版用地", "08H2", "科教文卫用地", "0809", "公用设施用地", "0810", "公园与绿地",
            "09", "特殊用地",
            "1001", "铁路用地", "1002", "轨道交通用地", "1003", "公路用地", "1004", "城镇村道路用地",
            "1005", "交通服务场站用地", "1006", "农村道路", "1007", "机场用地", "1008", "港口码头用地",
            "1009", "管道运输用地",
            "1101", "河流水面", "1102", "湖泊水面", "1103", "水库水面", "1104", "坑塘水面", "1107", "沟渠",
            "1109", "水工建筑用地", "1110", "冰川及永久积雪",
            "1201", "空闲地", "1202", "设施农用地", "1203", "田坎", "1204", "盐碱地", "1205", "沙地",
            "1206", "裸土地", "1207", "裸岩石砾地"));

    /** 耕地坡度级别 (GDPDJB / PDJB): 1 ≤2°, 2 2–6°, 3 6–15°, 4 15–25°, 5 >25°. */
    public static final CodeList GDPDJB = new CodeList("GDPDJB", "耕地坡度级别", map(
            "1", "≤2°", "2", "2°–6°", "3", "6°–15°", "4", "15°–25°", "5", ">25°"));

    /** 耕地类型 (GDLX): terraced or sloping. */
    public static final CodeList GDLX = new CodeList("GDLX", "耕地类型", map("TT", "梯田", "PD", "坡地"));

    /** 耕地质量等级 (GDDJ, GB/T 33469-2016): 1 (best) … 10. */
    public static final CodeList GDDJ = numbered("GDDJ", "耕地质量等级", 10, "等");

    /** 耕地质量等别 (GDDB, GB/T 28407-2012): 1 (best) … 15. */
    public static final CodeList GDDB = numbered("GDDB", "耕地质量等别", 15, "等");

    /** 种植属性 (ZZSXDM). */
    public static final CodeList ZZSXDM = new CodeList("ZZSXDM", "种植属性", map(
            "LS", "粮食作物", "FLS", "非粮作物", "LYFL", "粮与非粮轮作", "XG", "休耕", "LLJZ", "林粮间作",
            "WG", "未耕种", "JKHF", "即可恢复", "GCHF", "工程恢复"));

    /** 图斑细化 (TBXHDM) for cultivated land. */
    public static final CodeList TBXHDM = new CodeList("TBXHDM", "图斑细化", map(
            "HDGD", "河道耕地", "HQGD", "湖区耕地", "LQGD", "林区耕地", "MQGD", "牧区耕地", "SHGD", "沙荒耕地",
            "SMGD", "石漠化耕地"));

    /** 权属性质 (QSXZ); the full list is unverified (§B.2), these are the common codes. */
    public static final CodeList QSXZ = new CodeList("QSXZ", "权属性质", map(
            "10", "国有土地所有权", "20", "国有土地使用权", "30", "集体土地所有权", "31", "村民小组",
            "32", "村集体经济组织", "33", "乡集体经济组织", "34", "其他农民集体经济组织", "40", "集体土地使用权"));

    /** 生态保护红线类型 (HXLX), simplified. */
    public static final CodeList HXLX = new CodeList("HXLX", "红线类型", map(
            "01", "水源涵养", "02", "生物多样性维护", "03", "水土保持", "04", "防风固沙", "05", "水土流失敏感"));

    private static CodeList numbered(String id, String title, int n, String suffix) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
            m.put(Integer.toString(i), i + suffix);
        }
        return new CodeList(id, title, m);
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
