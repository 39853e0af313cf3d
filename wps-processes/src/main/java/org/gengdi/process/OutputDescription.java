package org.gengdi.process;

import java.util.List;
import java.util.Objects;

/**
 * One output of a process.
 *
 * @param id        the identifier, e.g. {@code area}
 * @param title     its title
 * @param abstract_ what it means, or {@code null}
 * @param literal   for a literal output its type, else {@code null}
 * @param uom       the unit of a literal output, or {@code null}
 * @param formats   for a complex output its formats (the default first), else empty
 */
public record OutputDescription(String id, Text title, Text abstract_, DataType literal, String uom,
                                List<Format> formats) {
    public OutputDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        formats = List.copyOf(formats);
        if ((literal == null) == formats.isEmpty()) {
            throw new IllegalArgumentException("output " + id + " must be either literal or complex");
        }
    }

    public static OutputDescription literal(String id, Text title, Text abstract_, DataType type, String uom) {
        return new OutputDescription(id, title, abstract_, type, uom, List.of());
    }

    public static OutputDescription complex(String id, Text title, Text abstract_, Format... formats) {
        return new OutputDescription(id, title, abstract_, null, null, List.of(formats));
    }

    public boolean isLiteral() {
        return literal != null;
    }
}
