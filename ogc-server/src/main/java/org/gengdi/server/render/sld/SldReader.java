package org.gengdi.server.render.sld;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.xml.SafeXml;
import org.gengdi.core.xml.XmlInputException;
import org.gengdi.server.render.Style;

/**
 * Reads Styled Layer Descriptor documents — SLD 1.0.0 ({@value #SLD} with {@code ogc:} filters) and SLD 1.1.0 /
 * Symbology Encoding 1.1 ({@value #SE}, with {@code ogc:} or {@code fes:} filters) — into Gengdi's style model.
 *
 * <p><b>Documents.</b> A {@code StyledLayerDescriptor} of {@code NamedLayer}s, each with one or more
 * {@code UserStyle}s; or, for {@link #readStyle}, a bare {@code UserStyle} or {@code FeatureTypeStyle}. The rules of
 * all FeatureTypeStyles of a UserStyle are flattened in order into one {@link Style}.
 *
 * <p><b>Supported.</b> Rule {@code Name}, {@code Title} (SE: {@code Description/Title}), {@code ogc:Filter} /
 * {@code fes:Filter} (parsed by the one FES parser against the layer's <em>public</em> schema: personal fields are
 * unknown even when the resolver does not hide them), {@code ElseFilter}, {@code Min/MaxScaleDenominator};
 * Polygon, Line, Point and Text symbolizers. {@code CssParameter} (SLD 1.0) and {@code SvgParameter} (SE):
 * {@code fill}, {@code fill-opacity}, {@code stroke}, {@code stroke-width}, {@code stroke-opacity},
 * {@code stroke-dasharray}, {@code stroke-linejoin}, {@code stroke-linecap}, {@code font-family} (the first one
 * given), {@code font-size}, {@code font-weight}, {@code font-style}; values as text or {@code ogc:Literal}. Colours
 * are {@code #RRGGBB}; opacities are folded into the colour's alpha. {@code GraphicFill} with a {@code Mark} whose
 * {@code WellKnownName} is {@code shape://slash}, {@code backslash}, {@code times} (or {@code x}), {@code horline},
 * {@code vertline}, {@code plus} (or {@code cross}), {@code dot} (or {@code circle}) becomes a hatch: the mark's
 * stroke colour and width, the graphic's {@code Size} as the line spacing (default 8 px). Point marks
 * {@code circle}, {@code square}, {@code triangle}, {@code star}, {@code cross}, {@code x} with {@code Size}
 * (default 6), {@code Opacity}, {@code Fill} and {@code Stroke} (neither given: SLD's grey fill and black outline).
 * Labels: one {@code ogc:PropertyName} (or {@code fes:ValueReference}) naming a public attribute, {@code Font},
 * {@code Fill}, {@code Halo} (radius default 1, white), {@code PointPlacement} anchor (default 0, 0.5 as SLD says)
 * and displacement, priority from {@code <VendorOption name="priority">} or {@code <Priority>} with a number.
 *
 * <p><b>Ignored</b> (read and skipped): {@code Abstract}, {@code LegendGraphic}, {@code FeatureTypeName},
 * {@code SemanticTypeIdentifier}, {@code LayerFeatureConstraints}, {@code Rotation}, {@code LinePlacement},
 * {@code PerpendicularOffset}, other vendor options, a label {@code Graphic}, a symbolizer {@code Geometry} that
 * names the layer's own geometry property, {@code ExternalGraphic} alternatives when a {@code Mark} is also given,
 * and unknown CSS / SVG parameter names.
 *
 * <p><b>Refused</b> with an {@link SldException}: {@code UserLayer}, {@code NamedStyle}, {@code UseSLDLibrary},
 * remote resources ({@code OnlineResource}, {@code ExternalGraphic} alone — nothing is ever fetched), expressions
 * other than literals in parameters, labels other than a single property, {@code GraphicStroke}, raster and
 * coverage styles, units other than pixels ({@code uom}), colours other than {@code #RRGGBB} (so
 * {@code #AARRGGBB}, which some tools write, is refused with a hint to use the opacity parameter), out-of-range
 * numbers (widths and sizes above 1000 px, hatch spacing below 1 px, fonts above 500 px, more than 1000 rules …),
 * an {@code ElseFilter} in a style with several FeatureTypeStyles (the flattened model cannot keep its scope), any
 * other unknown element, and every XML problem {@link SafeXml} reports (DOCTYPE, external entities, entity
 * expansion, size and depth limits). Nothing else escapes: callers catch {@code SldException} only.
 *
 * <p>Stateless and thread-safe.
 */
public final class SldReader {

    /** The SLD namespace (1.0.0 and 1.1.0). */
    public static final String SLD = "http://www.opengis.net/sld";
    /** The Symbology Encoding 1.1 namespace. */
    public static final String SE = "http://www.opengis.net/se";

    /** Far above any hand-written or tool-written style, far below what hurts. */
    static final SafeXml.Limits LIMITS = SafeXml.Limits.DEFAULT.withMaxInput(8L << 20).withMaxDepth(96)
            .withMaxAttributes(64).withMaxTextLength(2 << 20);

    private SldReader() {
    }

    /**
     * Reads an SLD document's NamedLayers.
     *
     * @param layers from a NamedLayer's name to that layer's filter context (its stored schema, with the names
     *               the caller may not use hidden); empty for a layer that is not published
     * @return one entry per UserStyle, in document order (never empty)
     * @throws SldException for every problem with the document
     */
    public static List<LayerStyle> read(InputStream in, Function<String, Optional<FilterContext>> layers) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(layers, "layers");
        return run(() -> SafeXml.reader(in, null, LIMITS), layers, null);
    }

    /** {@link #read(InputStream, Function)} of a document in a string (an SLD_BODY parameter). */
    public static List<LayerStyle> read(String xml, Function<String, Optional<FilterContext>> layers) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(layers, "layers");
        return run(() -> SafeXml.reader(xml, LIMITS), layers, null);
    }

    /**
     * Reads a style file for one layer: a bare {@code UserStyle} or {@code FeatureTypeStyle}, or an SLD with one
     * NamedLayer (its name is not checked: the style is applied to the layer {@code ctx} describes). Of several
     * UserStyles the one marked {@code IsDefault} is taken, else the first.
     *
     * @throws SldException for every problem with the document
     */
    public static Style readStyle(InputStream in, FilterContext ctx) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(ctx, "ctx");
        return pick(run(() -> SafeXml.reader(in, null, LIMITS), null, ctx));
    }

    /** {@link #readStyle(InputStream, FilterContext)} of a document in a string. */
    public static Style readStyle(String xml, FilterContext ctx) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(ctx, "ctx");
        return pick(run(() -> SafeXml.reader(xml, LIMITS), null, ctx));
    }

    private static Style pick(List<LayerStyle> styles) {
        return styles.stream().filter(LayerStyle::isDefault).findFirst().orElse(styles.get(0)).style();
    }

    private interface Opener {
        XMLStreamReader open();
    }

    private static List<LayerStyle> run(Opener opener, Function<String, Optional<FilterContext>> layers,
                                        FilterContext single) {
        XMLStreamReader r = null;
        try {
            r = opener.open();
            return new SldParser(r, layers, single).document();
        } catch (SldException e) {
            throw e;
        } catch (XmlInputException e) {
            throw new SldException(SldException.Kind.MALFORMED, "unreadable SLD: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw new SldException(SldException.Kind.MALFORMED, "malformed SLD: " + SldParser.message(e), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SldException(SldException.Kind.INVALID, "unusable SLD: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException | RuntimeException e) {
                    // closing never matters more than the answer
                }
            }
        }
    }
}
