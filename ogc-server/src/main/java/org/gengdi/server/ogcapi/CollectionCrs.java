package org.gengdi.server.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.UnknownCrsException;

/**
 * The coordinate reference systems a collection offers (OGC API Features Part 2): CRS84 first (the default, longitude
 * first), then CGCS2000 (EPSG:4490), WGS 84 (4326), Web Mercator (3857) and the layer's storage CRS (a CGCS2000
 * Gauss-Krüger CRS such as 4527). The URIs name EPSG CRSs, so coordinates follow the EPSG axis order: 4490, 4326
 * and the Gauss-Krüger CRSs latitude/northing first, 3857 easting first. The CRS registry decides the order.
 *
 * @param storageSrid the EPSG code the layer is stored in
 * @param uris        the CRS URIs offered, CRS84 first
 */
record CollectionCrs(int storageSrid, List<String> uris) {
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final int[] OFFERED = {4490, 4326, 3857};

    static CollectionCrs of(int storageSrid) {
        CrsRegistry registry = CrsRegistry.get();
        List<String> uris = new ArrayList<>();
        uris.add(CRS84);
        for (int srid : OFFERED) {
            uris.add(registry.url(srid));
        }
        String storage = registry.url(storageSrid);
        if (!uris.contains(storage)) {
            uris.add(storage);
        }
        return new CollectionCrs(storageSrid, List.copyOf(uris));
    }

    /** The URI of the storage CRS. */
    String storageCrs() {
        return CrsRegistry.get().url(storageSrid);
    }

    /** CRS84, longitude/latitude: the default of {@code crs}, {@code bbox-crs} and {@code filter-crs}. */
    static CrsRef crs84() {
        return CrsRegistry.get().parse(CRS84);
    }

    /**
     * The CRS a parameter names; it must be one of {@link #uris()} (written as listed, {@code https} accepted, or
     * any spelling of CRS84). Anything else is a 400 listing the CRSs offered.
     */
    CrsRef parse(String value, String parameter) {
        CrsRef ref;
        try {
            ref = CrsRegistry.get().parse(value);
        } catch (UnknownCrsException e) {
            throw unsupported(value, parameter);
        }
        if (ref.form() == CrsRef.Form.CRS84) {
            return ref;
        }
        String canonical = CrsRegistry.get().url(ref.srid()).toLowerCase(Locale.ROOT);
        String given = value.strip().toLowerCase(Locale.ROOT).replaceFirst("^https:", "http:");
        if (!given.equals(canonical) || !uris.contains(CrsRegistry.get().url(ref.srid()))) {
            throw unsupported(value, parameter);
        }
        return ref;
    }

    /** The URI of a CRS this collection offers, for {@code Content-Crs} and links. */
    static String uri(CrsRef ref) {
        return ref.form() == CrsRef.Form.CRS84 ? CRS84 : CrsRegistry.get().url(ref.srid());
    }

    private ApiException unsupported(String value, String parameter) {
        return ApiException.badRequest(parameter + ": the CRS '" + QueryParams.echo(value) + "' is not offered; "
                + "this collection offers " + String.join(", ", uris));
    }
}
