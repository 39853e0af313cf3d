package org.gengdi.server.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the font a label is drawn with, so that Chinese text always shows as glyphs: the requested family when
 * it is installed and can display the text (SLD families may be a comma-separated list; Windows Chinese font names
 * such as 宋体 or Microsoft YaHei map to the Noto CJK fonts of Debian's {@code fonts-noto-cjk}), else an
 * installed CJK font, else Java's logical {@code SansSerif}. Fonts are cached; safe to share between threads.
 */
final class LabelFonts {
    /** The default label font family (Debian {@code fonts-noto-cjk}). */
    static final String CJK_SANS = "Noto Sans CJK SC";
    static final String CJK_SERIF = "Noto Serif CJK SC";
    /** Installed fonts that can show simplified Chinese, best first. */
    private static final List<String> CJK_FALLBACKS = List.of(CJK_SANS, "Source Han Sans SC", "Source Han Sans CN",
            "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Droid Sans Fallback", "AR PL UMing CN", CJK_SERIF,
            "Noto Sans CJK JP", "Noto Sans CJK TC");
    private static final Set<String> LOGICAL = Set.of("dialog", "dialoginput", "sansserif", "serif", "monospaced");
    /** Names that SLD files written on Windows or for browsers use, to the fonts installed here. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("sans-serif", "SansSerif"), Map.entry("serif", "Serif"), Map.entry("monospace", "Monospaced"),
            Map.entry("宋体", CJK_SERIF), Map.entry("simsun", CJK_SERIF), Map.entry("nsimsun", CJK_SERIF),
            Map.entry("新宋体", CJK_SERIF), Map.entry("songti sc", CJK_SERIF), Map.entry("stsong", CJK_SERIF),
            Map.entry("仿宋", CJK_SERIF), Map.entry("fangsong", CJK_SERIF), Map.entry("楷体", CJK_SERIF),
            Map.entry("kaiti", CJK_SERIF), Map.entry("黑体", CJK_SANS), Map.entry("simhei", CJK_SANS),
            Map.entry("微软雅黑", CJK_SANS), Map.entry("microsoft yahei", CJK_SANS),
            Map.entry("microsoft yahei ui", CJK_SANS), Map.entry("pingfang sc", CJK_SANS),
            Map.entry("heiti sc", CJK_SANS), Map.entry("等线", CJK_SANS), Map.entry("dengxian", CJK_SANS),
            Map.entry("source han sans sc", CJK_SANS), Map.entry("思源黑体", CJK_SANS),
            Map.entry("思源宋体", CJK_SERIF));
    private static final float MAX_SIZE = 200;

    private static final LabelFonts SHARED = new LabelFonts();

    private final Map<String, Font> fonts = new ConcurrentHashMap<>();
    private volatile Set<String> installed;

    static LabelFonts shared() {
        return SHARED;
    }

    /** The font to draw {@code text} with for an SLD font. */
    Font font(Symbolizer.Font f, String text) {
        String family = f == null ? null : f.family();
        int style = f == null ? Font.PLAIN : (f.bold() ? Font.BOLD : 0) | (f.italic() ? Font.ITALIC : 0);
        float size = f == null || !(f.size() > 0) ? 12 : (float) Math.min(f.size(), MAX_SIZE);
        return font(family, style, size, text);
    }

    Font font(String families, int style, float size, String text) {
        if (families != null) {
            for (String name : families.split(",")) {
                String family = installedName(name);
                if (family != null) {
                    Font font = get(family, style, size);
                    if (font.canDisplayUpTo(text) < 0) {
                        return font;
                    }
                }
            }
        }
        for (String family : CJK_FALLBACKS) {
            if (installed().contains(family.toLowerCase(Locale.ROOT))) {
                Font font = get(family, style, size);
                if (font.canDisplayUpTo(text) < 0) {
                    return font;
                }
                break;
            }
        }
        return get("SansSerif", style, size);
    }

    /** The installed family (or logical font) a requested name stands for, or null. */
    private String installedName(String requested) {
        String name = requested.trim();
        if (name.length() > 1 && (name.startsWith("\"") || name.startsWith("'"))) {
            name = name.substring(1, name.length() - 1).trim();
        }
        String key = name.toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(key);
        if (alias != null) {
            name = alias;
            key = alias.toLowerCase(Locale.ROOT);
        }
        return LOGICAL.contains(key) || installed().contains(key) ? name : null;
    }

    private Font get(String family, int style, float size) {
        String key = family + '\u0000' + style + '\u0000' + size;
        return fonts.computeIfAbsent(key, k -> new Font(family, style, 1).deriveFont(size));
    }

    private Set<String> installed() {
        Set<String> s = installed;
        if (s == null) {
            // The family list is slow to make (a quarter of a second): once per process.
            Set<String> names = new TreeSet<>();
            for (String n : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
                names.add(n.toLowerCase(Locale.ROOT));
            }
            s = Set.copyOf(names);
            installed = s;
        }
        return s;
    }
}
