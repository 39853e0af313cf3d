/**
 * The sample county: a deterministic generator of a realistic synthetic county with every national farmland layer
 * filled, for demonstrations, tests and benchmarks. {@link org.gengdi.data.sample.SampleCounty} is the entry point,
 * {@link org.gengdi.data.sample.SampleCountyOptions} says what to generate, and
 * {@link org.gengdi.data.sample.SampleCountyMain} prints the figures of a run.
 *
 * <p>How it is built, in stages: a frame (an irregular county outline in a Gauss-Krüger zone) and water (reservoir,
 * meandering river); a smooth terrain (plain and hills) that gives slope classes and soil quality; an
 * administrative plan (county town, township seats, villages, housing clusters); a warped grid of roads and ditches
 * whose cells are traced into block regions and linear features, so that every polygon shares its vertices with
 * its neighbours; Voronoi parcels inside the blocks, classed by the land-use rules; survey attributes; the red line
 * chosen in contiguous blocks on the better land, and the thematic zones built from blocks or buffers.
 *
 * <p>All work is on a 0.1 mm grid in local metres (fixed-precision overlays, so results are valid) and translated
 * to the CRS at the end. Every random choice is a pure function of the seed and an integer key.
 */
package org.gengdi.data.sample;
