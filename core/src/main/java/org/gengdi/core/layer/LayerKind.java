package org.gengdi.core.layer;

/** The kinds of layer a county bureau keeps, each with its national layer name and Chinese title. */
public enum LayerKind {
    CULTIVATED_LAND("DLTB", "地类图斑", "Land-use parcels (cultivated land and other classes)"),
    RED_LINE("YJJBNTBHTB", "永久基本农田保护图斑", "Permanent basic farmland protection red line"),
    RESERVE("YJJBNTCBQ", "永久基本农田储备区", "Permanent basic farmland reserve area"),
    ECOLOGICAL_RED_LINE("STBHHX", "生态保护红线", "Ecological protection red line"),
    URBAN_BOUNDARY("CZKFBJ", "城镇开发边界", "Urban development boundary"),
    HIGH_STANDARD_FARMLAND("GBZNT", "高标准农田", "High-standard farmland"),
    RIVER_LAKE_RANGE("HHGLFW", "河湖管理范围", "River and lake management range"),
    WATER_SOURCE_AREA("YYSYBHQ", "饮用水水源保护区", "Drinking-water source protection area"),
    COUNTY("XJXZQ", "县级行政区", "County"),
    TOWNSHIP("XZQ", "乡级行政区", "Townships"),
    VILLAGE("CJDCQ", "村级调查区", "Villages");

    private final String layerName;
    private final String title;
    private final String englishTitle;

    LayerKind(String layerName, String title, String englishTitle) {
        this.layerName = layerName;
        this.title = title;
        this.englishTitle = englishTitle;
    }

    /** The default published layer name, e.g. {@code YJJBNTBHTB}. */
    public String layerName() {
        return layerName;
    }

    public String title() {
        return title;
    }

    public String englishTitle() {
        return englishTitle;
    }
}
