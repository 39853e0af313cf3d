package org.gengdi.server.wms;

import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.UnknownCrsException;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;

/**
 * The WMS versions Gengdi speaks and what differs between them: the CRS parameter ({@code CRS} / {@code SRS}), its
 * axis order (1.3.0 follows EPSG: {@code EPSG:4490} is latitude first; 1.1.1 is always x = longitude first), the
 * pixel parameters ({@code I/J} / {@code X/Y}) and the CRS error code.
 */
enum WmsVersion {
    V1_3_0("1.3.0"),
    V1_1_1("1.1.1");

    private final String text;

    WmsVersion(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    /** {@code CRS} in 1.3.0, {@code SRS} in 1.1.1. */
    String crsParameter() {
        return this == V1_3_0 ? "crs" : "srs";
    }

    String pixelX() {
        return this == V1_3_0 ? "i" : "x";
    }

    String pixelY() {
        return this == V1_3_0 ? "j" : "y";
    }

    Code crsError() {
        return this == V1_3_0 ? Code.InvalidCRS : Code.InvalidSRS;
    }

    /** The CRS a request names, with the axis order its BBOX uses in this version. */
    CrsRef crs(String text) {
        CrsRef ref;
        try {
            ref = CrsRegistry.get().parse(text);
        } catch (UnknownCrsException e) {
            throw new OwsException(crsError(), crsParameter(), e.getMessage());
        }
        if (this == V1_1_1 || ref.form() == CrsRef.Form.CRS84) {
            return new CrsRef(ref.crs(), ref.form(), AxisOrder.EAST_NORTH, ref.text());
        }
        return new CrsRef(ref.crs(), ref.form(), ref.crs().axisOrder(), ref.text());
    }

    /** VERSION (or the pre-1.0 WMTVER); 1.1.0 is answered as 1.1.1; missing means 1.3.0. */
    static WmsVersion of(String version, boolean negotiate) {
        if (version == null) {
            return V1_3_0;
        }
        switch (version.strip()) {
            case "1.3.0", "1.3":
                return V1_3_0;
            case "1.1.1", "1.1.0", "1.1":
                return V1_1_1;
            default:
                if (!negotiate) {
                    throw new OwsException(Code.InvalidParameterValue, "version",
                            "WMS " + version + " is not offered; use VERSION=1.3.0 or 1.1.1");
                }
                // GetCapabilities negotiation: the highest version not above the one asked for, else the lowest
                return version.compareTo("1.3.0") > 0 ? V1_3_0 : V1_1_1;
        }
    }
}
