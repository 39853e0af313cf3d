package org.gengdi.core.crs;

/**
 * An independent Transverse Mercator on the CGCS2000 ellipsoid for checking proj4j: Krüger's series in the third
 * flattening n to order n⁴ (Karney 2011, "Transverse Mercator with an accuracy of a few nanometers", eqs 35–36),
 * accurate to well under a millimetre within a few degrees of the central meridian. Also the meridian arc (Helmert).
 */
public final class KruegerSeries {

    public static final double A = 6378137.0;
    public static final double F = 1 / 298.257222101;
    private static final double N = F / (2 - F);
    private static final double E = Math.sqrt(F * (2 - F));
    /** Rectifying radius. */
    private static final double RECT = A / (1 + N) * (1 + N * N / 4 + Math.pow(N, 4) / 64);
    private static final double[] ALPHA = {
            N / 2 - 2 * N * N / 3 + 5 * Math.pow(N, 3) / 16 + 41 * Math.pow(N, 4) / 180,
            13 * N * N / 48 - 3 * Math.pow(N, 3) / 5 + 557 * Math.pow(N, 4) / 1440,
            61 * Math.pow(N, 3) / 240 - 103 * Math.pow(N, 4) / 140,
            49561 * Math.pow(N, 4) / 161280};
    private static final double[] BETA = {
            N / 2 - 2 * N * N / 3 + 37 * Math.pow(N, 3) / 96 - Math.pow(N, 4) / 360,
            N * N / 48 + Math.pow(N, 3) / 15 - 437 * Math.pow(N, 4) / 1440,
            17 * Math.pow(N, 3) / 480 - 37 * Math.pow(N, 4) / 840,
            4397 * Math.pow(N, 4) / 161280};
    private static final double[] DELTA = {
            2 * N - 2 * N * N / 3 - 2 * Math.pow(N, 3) + 116 * Math.pow(N, 4) / 45,
            7 * N * N / 3 - 8 * Math.pow(N, 3) / 5 - 227 * Math.pow(N, 4) / 45,
            56 * Math.pow(N, 3) / 15 - 136 * Math.pow(N, 4) / 35,
            4279 * Math.pow(N, 4) / 630};

    private KruegerSeries() {
    }

    /** {easting, northing} of a lon/lat (degrees) in a GK zone (k0 = 1, false northing 0). */
    public static double[] forward(double lon, double lat, double centralMeridian, double falseEasting) {
        double phi = Math.toRadians(lat);
        double lam = Math.toRadians(lon - centralMeridian);
        double s = Math.sin(phi);
        double t = Math.sinh(atanh(s) - E * atanh(E * s));
        double xi = Math.atan2(t, Math.cos(lam));
        double eta = atanh(Math.sin(lam) / Math.sqrt(1 + t * t));
        double x = eta;
        double y = xi;
        for (int j = 1; j <= 4; j++) {
            x += ALPHA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
            y += ALPHA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
        }
        return new double[] {falseEasting + RECT * x, RECT * y};
    }

    /** {lon, lat} (degrees) of an easting/northing in a GK zone. */
    public static double[] inverse(double easting, double northing, double centralMeridian, double falseEasting) {
        double xi = northing / RECT;
        double eta = (easting - falseEasting) / RECT;
        double xi1 = xi;
        double eta1 = eta;
        for (int j = 1; j <= 4; j++) {
            xi1 -= BETA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
            eta1 -= BETA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
        }
        double chi = Math.asin(Math.sin(xi1) / Math.cosh(eta1));
        double phi = chi;
        for (int j = 1; j <= 4; j++) {
            phi += DELTA[j - 1] * Math.sin(2 * j * chi);
        }
        double lam = Math.atan2(Math.sinh(eta1), Math.cos(xi1));
        return new double[] {centralMeridian + Math.toDegrees(lam), Math.toDegrees(phi)};
    }

    /** Length of the meridian from the equator to a latitude (Helmert's series in n). */
    public static double meridianArc(double lat) {
        double p = Math.toRadians(lat);
        double n2 = N * N;
        double n3 = n2 * N;
        double n4 = n3 * N;
        return A / (1 + N) * ((1 + n2 / 4 + n4 / 64) * p
                - (3 * N / 2 - 3 * n3 / 16) * Math.sin(2 * p)
                + (15 * n2 / 16 - 15 * n4 / 64) * Math.sin(4 * p)
                - (35 * n3 / 48) * Math.sin(6 * p)
                + (315 * n4 / 512) * Math.sin(8 * p));
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
