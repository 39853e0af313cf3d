/**
 * Measures of farmland: the ellipsoidal (椭球) area on CGCS2000 that Chinese regulations make the official parcel
 * area, and the units areas are reported in (m², 亩, 公顷). Areas measured on the Gauss-Krüger map plane are off by
 * up to ~0.06 % at a zone's edge, enough to move a parcel across a threshold or to break a province's balance sheet,
 * so anything that reports or compares areas uses {@link org.gengdi.core.measure.EllipsoidalArea}; planar area is
 * for ratios only. Values are computed and stored in m² and converted only for presentation.
 */
package org.gengdi.core.measure;
