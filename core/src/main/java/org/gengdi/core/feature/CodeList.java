package org.gengdi.core.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A national code list: allowed codes of a field and their Chinese names, e.g. GDPDJB slope classes 1–5.
 *
 * @param id    short identifier of the list, e.g. {@code GDPDJB}
 * @param title Chinese title of the list
 * @param codes code → Chinese name, in the standard's order
 */
public record CodeList(String id, String title, Map<String, String> codes) {

    public CodeList {
        codes = Collections.unmodifiableMap(new LinkedHashMap<>(codes));
    }

    public boolean contains(String code) {
        return code != null && codes.containsKey(code);
    }

    public String nameOf(String code) {
        return codes.get(code);
    }
}
