package org.gengdi.core.layer;

/**
 * Reading of DLBM land-class codes (§B.1): codes are up to five characters (a K or A suffix may follow the four
 * digits); class logic compares the first four characters and keeps the suffix.
 */
public final class LandClass {
    private LandClass() {
    }

    /** The three legal categories of the Land Administration Law. */
    public enum Category { AGRICULTURAL, CONSTRUCTION, UNUSED }

    /** The code without its K/A suffix, e.g. {@code 0201K → 0201}. */
    public static String base(String dlbm) {
        if (dlbm == null) {
            return null;
        }
        String s = dlbm.trim();
        return s.length() > 4 ? s.substring(0, 4) : s;
    }

    /** The first-level class, e.g. {@code 01} for 耕地; {@code 00} for the 三调 wetland group. */
    public static String firstLevel(String dlbm) {
        String b = base(dlbm);
        if (b == null || b.length() < 2) {
            return null;
        }
        return switch (b) {
            case "0303", "0304", "0306", "0402", "0603", "1105", "1106", "1108" -> "00";
            default -> b.substring(0, 2);
        };
    }

    /** 耕地 (0101 水田, 0102 水浇地, 0103 旱地). */
    public static boolean isCultivated(String dlbm) {
        String b = base(dlbm);
        return b != null && (b.equals("0101") || b.equals("0102") || b.equals("0103"));
    }

    /** 水田. */
    public static boolean isPaddy(String dlbm) {
        return "0101".equals(base(dlbm));
    }

    /** Land whose plough layer is intact (K suffix): restorable to cultivation. */
    public static boolean isRestorable(String dlbm) {
        return dlbm != null && dlbm.trim().endsWith("K");
    }

    /** The legal category per §B.1 (the mapping is marked unverified there). */
    public static Category category(String dlbm) {
        String b = base(dlbm);
        if (b == null) {
            return null;
        }
        String first = b.length() >= 2 ? b.substring(0, 2) : b;
        switch (b) {
            case "1006", "1103", "1104", "1107", "1202", "1203", "0401", "0402", "0403":
                return Category.AGRICULTURAL;
            case "0404", "1101", "1102", "1105", "1106", "1108", "1110", "1204", "1205", "1206", "1207":
                return Category.UNUSED;
            default:
                break;
        }
        return switch (first) {
            case "01", "02", "03" -> Category.AGRICULTURAL;
            default -> Category.CONSTRUCTION;
        };
    }

    /** The Chinese name of a code (suffix ignored), or null. */
    public static String name(String dlbm) {
        return CodeLists.DLBM.nameOf(base(dlbm));
    }
}
