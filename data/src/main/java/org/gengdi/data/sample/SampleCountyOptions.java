package org.gengdi.data.sample;

import java.util.Objects;

/**
 * What sample county to generate: the seed (same seed, same county), the number of cultivated parcels (the
 * county's extent grows with it, so parcels keep a realistic size), the county's code and name, and the CRS.
 *
 * @param seed               random seed; the same seed gives identical features, values and ids
 * @param cultivatedParcels  the approximate number of cultivated (耕地 01xx) DLTB parcels
 * @param countyCode         the 6-digit county code (GB/T 2260), prefix of every township and village code
 * @param countyName         the county's Chinese name
 * @param srid               a CGCS2000 3-degree Gauss-Krüger CRS (EPSG 4513–4533 with zone prefix, 4534–4554
 *                           without); the county sits on the zone's central meridian near 32°N
 */
public record SampleCountyOptions(long seed, int cultivatedParcels, String countyCode, String countyName, int srid) {

    public static final long DEFAULT_SEED = 20261123L;
    public static final int DEFAULT_CULTIVATED_PARCELS = 50_000;
    public static final String DEFAULT_COUNTY_CODE = "340123";
    public static final String DEFAULT_COUNTY_NAME = "耕地示范县";
    /** Smaller counties lose their structure (the town would cover them); larger ones exceed memory. */
    public static final int MIN_CULTIVATED_PARCELS = 500;
    public static final int MAX_CULTIVATED_PARCELS = 1_000_000;
    /** CGCS2000 / 3-degree Gauss-Krüger zone 39 (central meridian 117°E), easting with zone prefix. */
    public static final int DEFAULT_SRID = 4527;

    public SampleCountyOptions {
        Objects.requireNonNull(countyCode, "countyCode");
        Objects.requireNonNull(countyName, "countyName");
        if (!countyCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("the county code has 6 digits: " + countyCode);
        }
        if (cultivatedParcels < MIN_CULTIVATED_PARCELS || cultivatedParcels > MAX_CULTIVATED_PARCELS) {
            throw new IllegalArgumentException("cultivated parcels must be between " + MIN_CULTIVATED_PARCELS
                    + " and " + MAX_CULTIVATED_PARCELS + ": " + cultivatedParcels);
        }
        if (srid < 4513 || srid > 4554) {
            throw new IllegalArgumentException("the sample county needs a CGCS2000 3-degree Gauss-Krüger CRS "
                    + "(EPSG:4513–4554): " + srid);
        }
    }

    /** The default county: seed 20261123, 50 000 cultivated parcels, 340123 耕地示范县, EPSG:4527. */
    public static SampleCountyOptions defaults() {
        return new SampleCountyOptions(DEFAULT_SEED, DEFAULT_CULTIVATED_PARCELS, DEFAULT_COUNTY_CODE,
                DEFAULT_COUNTY_NAME, DEFAULT_SRID);
    }

    public SampleCountyOptions withSeed(long newSeed) {
        return new SampleCountyOptions(newSeed, cultivatedParcels, countyCode, countyName, srid);
    }

    public SampleCountyOptions withCultivatedParcels(int n) {
        return new SampleCountyOptions(seed, n, countyCode, countyName, srid);
    }

    public SampleCountyOptions withCounty(String code, String name) {
        return new SampleCountyOptions(seed, cultivatedParcels, code, name, srid);
    }

    public SampleCountyOptions withSrid(int newSrid) {
        return new SampleCountyOptions(seed, cultivatedParcels, countyCode, countyName, newSrid);
    }
}
