package org.gengdi.core.feature;

import java.util.Objects;

/**
 * One non-geometry field of a feature type.
 *
 * @param name     the field name as stored and published (ASCII, e.g. {@code DLBM})
 * @param type     the value type
 * @param length   the maximum length for strings (0 = unbounded); ignored for other types
 * @param title    the Chinese title (e.g. 地类编码), shown in capabilities and reports
 * @param personal true for fields holding personal data (§G.11): never published to anonymous users
 * @param codeList the code list the values come from, or {@code null}
 */
public record AttributeDef(String name, AttributeType type, int length, String title, boolean personal,
                           CodeList codeList) {

    public AttributeDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("attribute names are ASCII identifiers of at most 63 characters: " + name);
        }
        if (title == null) {
            title = name;
        }
    }

    public static AttributeDef of(String name, AttributeType type, String title) {
        return new AttributeDef(name, type, 0, title, false, null);
    }

    public static AttributeDef string(String name, int length, String title) {
        return new AttributeDef(name, AttributeType.STRING, length, title, false, null);
    }

    public AttributeDef withCodeList(CodeList list) {
        return new AttributeDef(name, type, length, title, personal, list);
    }

    public AttributeDef asPersonal() {
        return new AttributeDef(name, type, length, title, true, codeList);
    }
}
