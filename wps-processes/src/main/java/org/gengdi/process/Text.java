package org.gengdi.process;

import java.util.Objects;

/**
 * A text in English and Chinese; protocols pick by the client's language and fall back to English.
 *
 * @param en the English text
 * @param zh the Chinese text ({@code null}: same as English)
 */
public record Text(String en, String zh) {
    public Text {
        Objects.requireNonNull(en, "en");
    }

    public static Text of(String en, String zh) {
        return new Text(en, zh);
    }

    /** The text in a language ({@code zh…} for Chinese, anything else English). */
    public String in(String language) {
        return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("zh") && zh != null ? zh
                : en;
    }

    /** Chinese first, then English in brackets, for bilingual pages. */
    public String bilingual() {
        return zh == null || zh.equals(en) ? en : zh + " (" + en + ")";
    }
}
