/**
 * What the farmland analyses share: the analysis zone (CGCS2000 3° Gauss-Krüger, FARMLAND-RULES.md §G.8), reading
 * the published layers of each kind around a geometry, and area formatting (m² 2 dp, 公顷 4 dp, 亩 2 dp, §G.7).
 */
package org.gengdi.process.farmland;
