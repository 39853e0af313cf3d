package org.gengdi.process.plan;

import org.locationtech.jts.geom.Geometry;

/**
 * One parcel of a plan, with the attributes the checks use (read from the authoritative layers, not from the caller).
 *
 * @param id        the red-line number (removed) or the caller's id / DLTB BSM (added)
 * @param geometry  in the analysis zone
 * @param area      ellipsoidal area, m²
 * @param net       net area (田坎 deducted), m²
 * @param cultivated the share of the parcel that is currently 耕地 in DLTB (removed parcels: from the red line's DLBM)
 * @param paddyNet  net paddy area, m²
 * @param irrigatedNet net 水浇地 area, m²
 * @param grade     area-weighted quality grade, or NaN when unknown
 * @param slopeClass the highest slope class under it ("1"–"5"), or null
 * @param unstable  a TBXHDM unstable-land code under it, or null
 * @param county    the 6-digit county code of its location, or null
 */
record PlanParcel(String id, Geometry geometry, double area, double net, double cultivated, double paddyNet,
                  double irrigatedNet, double grade, String slopeClass, String unstable, String county) {
}
