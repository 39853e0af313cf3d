/** 储备区/补划候选: ranking cultivated parcels outside the red line as candidates for designation. */
package org.gengdi.process.reserve;
