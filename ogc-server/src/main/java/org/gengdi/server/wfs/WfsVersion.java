package org.gengdi.server.wfs;

import java.util.List;
import org.gengdi.server.encode.GmlEncoder;
import org.gengdi.server.encode.GmlVersion;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;

/**
 * The WFS versions Gengdi speaks, newest first, with what differs between them: the GML each writes by default,
 * the name of the type parameter and of the page-size parameter, and how a CRS is written by default.
 */
enum WfsVersion {
    V2_0_0("2.0.0", GmlVersion.GML_3_2),
    V1_1_0("1.1.0", GmlVersion.GML_3_1_1),
    V1_0_0("1.0.0", GmlVersion.GML_2_1_2);

    private final String text;
    private final GmlVersion gml;

    WfsVersion(String text, GmlVersion gml) {
        this.text = text;
        this.gml = gml;
    }

    String text() {
        return text;
    }

    GmlVersion gml() {
        return gml;
    }

    GmlEncoder defaultEncoder() {
        return new GmlEncoder(gml);
    }

    /** The versions as capabilities list them. */
    static List<String> texts() {
        return List.of("2.0.0", "1.1.0", "1.0.0");
    }

    /** A version string as a request gives it (2.0.2 is answered as 2.0.0); null when not offered. */
    static WfsVersion of(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case "2.0.0", "2.0.2", "2.0" -> V2_0_0;
            case "1.1.0", "1.1" -> V1_1_0;
            case "1.0.0", "1.0" -> V1_0_0;
            default -> null;
        };
    }

    /**
     * GetCapabilities: OWS 1.1 ACCEPTVERSIONS (the first listed version offered wins), else the pre-OWS VERSION
     * negotiation of WFS 1.0/1.1 (that version if offered, else the highest lower one, else the lowest), else the
     * newest.
     */
    static WfsVersion negotiate(String acceptVersions, String version) {
        if (acceptVersions != null) {
            for (String v : acceptVersions.split(",")) {
                WfsVersion found = of(v);
                if (found != null) {
                    return found;
                }
            }
            throw new OwsException(Code.VersionNegotiationFailed, "acceptVersions",
                    "none of the versions " + acceptVersions + " is offered; this server offers WFS "
                            + String.join(", ", texts()));
        }
        if (version == null) {
            return V2_0_0;
        }
        WfsVersion exact = of(version);
        if (exact != null) {
            return exact;
        }
        int[] wanted = numbers(version);
        if (wanted == null) {
            throw new OwsException(Code.InvalidParameterValue, "version", "unreadable version '" + version + "'");
        }
        for (WfsVersion v : values()) { // newest first: the highest one not above the wanted one
            if (compare(numbers(v.text), wanted) <= 0) {
                return v;
            }
        }
        return V1_0_0;
    }

    /** Other operations: VERSION must name an offered version; a missing VERSION means 2.0.0, as most servers do. */
    static WfsVersion require(String version) {
        if (version == null) {
            return V2_0_0;
        }
        WfsVersion v = of(version);
        if (v == null) {
            throw new OwsException(Code.InvalidParameterValue, "version",
                    "WFS " + version + " is not offered; use VERSION=2.0.0, 1.1.0 or 1.0.0");
        }
        return v;
    }

    private static int[] numbers(String v) {
        String[] parts = v.strip().split("\\.");
        if (parts.length < 1 || parts.length > 3) {
            return null;
        }
        int[] n = new int[3];
        try {
            for (int i = 0; i < parts.length; i++) {
                n[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return n;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < 3; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
