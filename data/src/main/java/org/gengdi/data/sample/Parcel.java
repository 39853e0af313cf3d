package org.gengdi.data.sample;

import org.locationtech.jts.geom.Geometry;

/** One DLTB parcel of the sample county while it is being built: geometry, land class, place and attributes. */
final class Parcel {
    /** Polygon in local coordinates. */
    Geometry local;
    final String dlbm;
    final AdminPlan.Village village;
    /** The block region it lies in, or -1 for linear features and water. */
    final int region;
    /** XZDWKD for linear features (roads, ditches, river), else 0. */
    final double width;

    /** MultiPolygon in the CRS. */
    Geometry geom;
    double x;
    double y;
    double slope;
    double badness;
    String tbbh;
    long seq;
    double tbmj;
    double kcxs;
    double kcmj;
    double tbdlmj;
    String gdpdjb;
    String gdlx;
    Integer gddb;
    Integer gddj;
    String zzsxdm;
    String tbxhdm;
    String czcsxm;
    String qsxz;
    /** Ranking for the red line: higher is better land in a better setting. */
    double score;
    boolean red;
    boolean reserve;
    boolean inUrbanBoundary;
    boolean inEcoRedLine;

    Parcel(Geometry local, String dlbm, AdminPlan.Village village, int region, double width) {
        this.local = local;
        this.dlbm = dlbm;
        this.village = village;
        this.region = region;
        this.width = width;
    }

    boolean cultivated() {
        return dlbm.startsWith("01");
    }
}
