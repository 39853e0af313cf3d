package org.gengdi.server.render.sld;

import java.util.Objects;

/**
 * A style document Gengdi cannot use: not XML or hostile XML, a layer it does not publish, a property the layer
 * does not publish, a value out of range, or an SLD feature Gengdi does not implement. The message says which and
 * where; the WMS reports it as an OWS exception ({@link Kind#UNKNOWN_LAYER} as {@code LayerNotDefined}, the
 * others as {@code StyleNotDefined} / {@code InvalidParameterValue}).
 */
public class SldException extends IllegalArgumentException {

    /** Why a document was refused. */
    public enum Kind {
        /** Not well-formed, a DOCTYPE, beyond a size or depth limit, or not shaped like SLD / SE. */
        MALFORMED,
        /** A NamedLayer names a layer that is not published (or a style document names no layer). */
        UNKNOWN_LAYER,
        /** An unknown or unpublished property, a bad colour, number or range, a filter that does not fit. */
        INVALID,
        /** Valid SLD that Gengdi does not implement (expressions, external graphics, UserLayer, metre units …). */
        UNSUPPORTED
    }

    private final Kind kind;

    public SldException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public SldException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** Why the document was refused. */
    public Kind kind() {
        return kind;
    }
}
