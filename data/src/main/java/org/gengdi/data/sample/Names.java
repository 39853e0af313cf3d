package org.gengdi.data.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Plausible Chinese names for townships, villages and (fake) responsible persons, and fake ID and phone numbers. */
final class Names {
    private Names() {
    }

    static final String SEAT_TOWNSHIP = "城关镇";

    private static final String[] TOWNSHIPS = {
        "东湖乡", "柏林镇", "三河镇", "桃花镇", "花岗镇", "官亭镇", "山南镇", "严店乡", "丰乐镇", "高刘镇",
        "紫蓬镇", "铭传乡", "白石镇", "龙岗乡", "新集镇", "马厂乡", "双墩镇", "杨庙镇", "青龙乡", "永安镇",
        "金桥镇", "石塘乡", "长岭镇", "清泉乡"};

    static final String[] TOWN_COMMUNITIES = {
        "城中社区", "城东社区", "城西社区", "城南社区", "城北社区", "滨河社区", "文昌社区", "新城社区"};

    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许"
            + "傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟"
            + "龙万段雷钱汤尹易常武乔贺赖龚文";

    private static final String[] VILLAGE_SUFFIXES = {
        "家村", "庄村", "湾村", "岗村", "圩村", "店村", "集村", "庙村", "冲村", "桥村", "楼村", "营村", "郢村",
        "洼村", "塘村", "大郢村", "小庄村", "老圩村"};

    private static final String[] VILLAGE_WORDS = {
        "新华村", "红星村", "光明村", "团结村", "胜利村", "幸福村", "和平村", "永丰村", "丰收村", "前进村",
        "东风村", "长丰村", "同心村", "联合村", "双河村", "三合村", "桥头村", "龙井村", "青山村", "石门村",
        "柳林村", "杏花村", "梅岭村", "竹园村", "松林村", "金星村", "复兴村", "河口村", "高峰村", "烟墩村"};

    private static final String GIVEN_ONE = "伟芳娜敏静丽强磊军洋勇艳杰涛明超霞平刚桂华英兰玲红梅俊峰斌";
    private static final String[] GIVEN_TWO = {
        "建国", "秀英", "桂兰", "志强", "永红", "德明", "海燕", "国华", "玉兰", "明华", "春生", "立新", "金凤",
        "长江", "红梅", "卫东", "文华", "家宝", "成才", "学军", "凤英", "广德", "守田", "传友", "大勇", "春兰",
        "玉梅", "德胜", "光荣", "先进"};

    private static final String[] CN_DIGITS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
        "十一", "十二", "十三", "十四", "十五"};

    /** {@code n} distinct township names (without the seat 城关镇), in a seed-dependent order. */
    static List<String> townships(Rand r, int n) {
        List<String> pool = new ArrayList<>(List.of(TOWNSHIPS));
        r.shuffle(pool);
        return new ArrayList<>(pool.subList(0, Math.min(n, pool.size())));
    }

    /**
     * {@code n} distinct village names, avoiding those already taken. Surnames are drawn with the weight of their
     * frequency (王, 李, 张, 刘, 陈 most often), and a county of ten villages or more has a 王, a 李 and a 张 village.
     */
    static List<String> villages(Rand r, int n, Set<String> taken) {
        Set<String> out = new LinkedHashSet<>();
        int guard = 0;
        while (out.size() < n && guard++ < n * 200) {
            String name;
            int i = out.size();
            if (n >= 10 && i < 3) {
                name = SURNAMES.charAt(i) + VILLAGE_SUFFIXES[r.nextInt(VILLAGE_SUFFIXES.length)];
            } else if (r.chance(0.12)) {
                name = VILLAGE_WORDS[r.nextInt(VILLAGE_WORDS.length)];
            } else {
                name = surname(r) + VILLAGE_SUFFIXES[r.nextInt(VILLAGE_SUFFIXES.length)];
            }
            if (!taken.contains(name)) {
                out.add(name);
            }
        }
        return new ArrayList<>(out);
    }

    /** A surname, the common ones more often (the list is in order of frequency; a Zipf-like weight). */
    private static char surname(Rand r) {
        double u = r.nextDouble();
        int i = (int) (SURNAMES.length() * u * u);
        return SURNAMES.charAt(Math.min(SURNAMES.length() - 1, i));
    }

    static String person(Rand r) {
        String surname = String.valueOf(surname(r));
        return r.chance(0.35) ? surname + GIVEN_ONE.charAt(r.nextInt(GIVEN_ONE.length()))
                : surname + GIVEN_TWO[r.nextInt(GIVEN_TWO.length)];
    }

    /** A fake 18-character resident ID number with a valid ISO 7064 MOD 11-2 check character. */
    static String idNumber(Rand r, String areaCode) {
        int year = 1950 + r.nextInt(36);
        int month = 1 + r.nextInt(12);
        int day = 1 + r.nextInt(28);
        String body = areaCode + String.format("%04d%02d%02d%03d", year, month, day, r.nextInt(1000));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A fake 11-digit mobile number. */
    static String phone(Rand r) {
        String[] prefixes = {"130", "131", "133", "135", "137", "138", "139", "150", "152", "155", "158", "180",
            "183", "186", "187", "189", "191", "199"};
        return prefixes[r.nextInt(prefixes.length)] + String.format("%08d", r.nextInt(100_000_000));
    }

    /** 一 … 十五. */
    static String chineseNumber(int n) {
        return n >= 1 && n <= CN_DIGITS.length ? CN_DIGITS[n - 1] : Integer.toString(n);
    }
}
