package org.gengdi.server.encode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;

/**
 * What an encoder needs to know about a feature collection besides its features.
 *
 * <p>The features handed to the encoder already have their geometries in {@link #crs()} (x = easting/longitude,
 * y = northing/latitude, as everywhere inside Gengdi) and only the published attributes: encoders neither transform
 * nor filter, they only decide in which order to list the two axes (see {@link #gmlAxisOrder()} and
 * {@link #jsonAxisOrder()}).
 *
 * @param featureType       the feature type with only the attributes to publish (personal fields already removed);
 *                          every feature's values must follow it, except with encoders that
 *                          {@link FeatureEncoder#mixesTypes() mix types}, which follow each feature's own type
 * @param crs               the output CRS as the client wrote it (echoed as {@code srsName}); its axis order is the
 *                          one GML writes: EPSG order for {@code urn:ogc:def:crs:EPSG::4490} and
 *                          {@code http://www.opengis.net/def/crs/EPSG/0/4490} (latitude first), longitude first for
 *                          {@code EPSG:4490} and {@code CRS:84}
 * @param numberMatched     the number of features matching the query, {@code null} when unknown
 * @param numberReturned    the number of features in this response, {@code null} when unknown. WFS 2.0 needs it on the
 *                          root element, before the features, so the GML 3.2 encoder requires it: the caller knows it
 *                          from its count and the page ({@code min(matched - offset, limit)}). GeoJSON writes the
 *                          actual count after the features when it is {@code null}
 * @param timeStamp         when the response was produced (default: now, to the second)
 * @param next              URL of the next page, or {@code null}
 * @param previous          URL of the previous page, or {@code null}
 * @param namespacePrefix   XML prefix of the feature types (default {@value #DEFAULT_PREFIX})
 * @param namespaceUri      XML namespace of the feature types (default {@value #DEFAULT_NAMESPACE})
 * @param schemaLocation    URL of the DescribeFeatureType answer for the type, put into {@code xsi:schemaLocation};
 *                          {@code null} to leave the application schema out
 * @param decimals          coordinate decimals (default: 8 for degrees, 3 for metres); 0 to {@value #MAX_DECIMALS}
 * @param jsonAxisOrderFromCrs when true, GeoJSON lists coordinates in {@code crs().axisOrder()} (OGC API Features
 *                          Part 2 with {@code crs=http://www.opengis.net/def/crs/EPSG/0/4490} → latitude first);
 *                          by default GeoJSON is longitude/easting first as RFC 7946 says
 * @param links             further links of the document ({@code self}, {@code alternate}, {@code collection}),
 *                          written by GeoJSON before {@code next}/{@code prev}; empty by default
 */
public record FeatureCollectionInfo(FeatureType featureType, CrsRef crs, Long numberMatched, Long numberReturned,
                                    Instant timeStamp, String next, String previous, String namespacePrefix,
                                    String namespaceUri, String schemaLocation, int decimals,
                                    boolean jsonAxisOrderFromCrs, List<Link> links) {

    /** The default XML prefix of Gengdi's feature types. */
    public static final String DEFAULT_PREFIX = "gengdi";
    /** The default XML namespace of Gengdi's feature types. */
    public static final String DEFAULT_NAMESPACE = "http://gengdi.org/farmland";
    /** The most coordinate decimals an encoder writes (below a double's precision for any coordinate). */
    public static final int MAX_DECIMALS = 15;

    public FeatureCollectionInfo {
        Objects.requireNonNull(featureType, "featureType");
        Objects.requireNonNull(crs, "crs");
        if (numberMatched != null && numberMatched < 0 || numberReturned != null && numberReturned < 0) {
            throw new IllegalArgumentException("feature counts cannot be negative");
        }
        if (timeStamp == null) {
            timeStamp = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        if (namespacePrefix == null || namespacePrefix.isBlank()) {
            namespacePrefix = DEFAULT_PREFIX;
        }
        if (namespaceUri == null || namespaceUri.isBlank()) {
            namespaceUri = DEFAULT_NAMESPACE;
        }
        if (!namespacePrefix.matches("[A-Za-z_][A-Za-z0-9_.-]*") || namespacePrefix.toLowerCase().startsWith("xml")) {
            throw new IllegalArgumentException("not a usable XML prefix: " + namespacePrefix);
        }
        links = links == null ? List.of() : List.copyOf(links);
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals must be 0 to " + MAX_DECIMALS + ": " + decimals);
        }
    }

    /** A collection of unknown size in the default namespace, with the default precision for the CRS. */
    public static FeatureCollectionInfo of(FeatureType featureType, CrsRef crs) {
        return new FeatureCollectionInfo(featureType, crs, null, null, null, null, null, null, null, null,
                defaultDecimals(crs), false, List.of());
    }

    /** 8 decimals for degrees (about a millimetre), 3 for metres. */
    public static int defaultDecimals(CrsRef crs) {
        return crs.crs().geographic() ? 8 : 3;
    }

    public FeatureCollectionInfo withCounts(Long matched, Long returned) {
        return new FeatureCollectionInfo(featureType, crs, matched, returned, timeStamp, next, previous,
                namespacePrefix, namespaceUri, schemaLocation, decimals, jsonAxisOrderFromCrs, links);
    }

    public FeatureCollectionInfo withTimeStamp(Instant t) {
        return new FeatureCollectionInfo(featureType, crs, numberMatched, numberReturned, t, next, previous,
                namespacePrefix, namespaceUri, schemaLocation, decimals, jsonAxisOrderFromCrs, links);
    }

    public FeatureCollectionInfo withLinks(String nextUrl, String previousUrl) {
        return new FeatureCollectionInfo(featureType, crs, numberMatched, numberReturned, timeStamp, nextUrl,
                previousUrl, namespacePrefix, namespaceUri, schemaLocation, decimals, jsonAxisOrderFromCrs, links);
    }

    public FeatureCollectionInfo withNamespace(String prefix, String uri) {
        return new FeatureCollectionInfo(featureType, crs, numberMatched, numberReturned, timeStamp, next, previous,
                prefix, uri, schemaLocation, decimals, jsonAxisOrderFromCrs, links);
    }

    public FeatureCollectionInfo withSchemaLocation(String describeFeatureTypeUrl) {
        return new FeatureCollectionInfo(featureType, crs, numberMatched, numberReturned, timeStamp, next, previous,
                namespacePrefix, namespaceUri, describeFeatureTypeUrl, decimals, jsonAxisOrderFromCrs, links);
    }

    public FeatureCollectionInfo withDecimals(int n) {
        return new FeatureCollectionInfo(featureType, crs, numberMatched, numberReturned, timeStamp, next, previous,
                namespacePrefix, namespaceUri, schemaLocation, n, jsonAxisOrderFromCrs, links);
    }

    /** A copy whose GeoJSON follows the CRS's axis order (OGC API Features Part 2) when {@code fromCrs}. */
    public FeatureCollectionInfo withJsonAxisOrderFromCrs(boolean fromCrs) {
        return new FeatureCollectionInfo(featureType, crs, numberMatched, numberReturned, timeStamp, next, previous,
                namespacePrefix, namespaceUri, schemaLocation, decimals, fromCrs, links);
    }

    /** A copy with these further links (GeoJSON writes them; the XML formats have no place for them). */
    public FeatureCollectionInfo withExtraLinks(List<Link> extra) {
        return new FeatureCollectionInfo(featureType, crs, numberMatched, numberReturned, timeStamp, next, previous,
                namespacePrefix, namespaceUri, schemaLocation, decimals, jsonAxisOrderFromCrs, extra);
    }

    /** The axis order of GML coordinates: the one the CRS identifier's form implies. */
    public AxisOrder gmlAxisOrder() {
        return crs.axisOrder();
    }

    /** The axis order of GeoJSON coordinates: east/north unless {@link #jsonAxisOrderFromCrs()}. */
    public AxisOrder jsonAxisOrder() {
        return jsonAxisOrderFromCrs ? crs.axisOrder() : AxisOrder.EAST_NORTH;
    }

    /**
     * The published id of a feature: {@code LAYER.fid}, e.g. {@code YJJBNTBHTB.17}; a feature without an id gets its
     * 1-based position in the response instead.
     */
    public String featureId(Feature feature, long position) {
        String fid = feature.id();
        return feature.type().name() + "." + (fid == null || fid.isEmpty() ? Long.toString(position) : fid);
    }
}
