package org.gengdi.core.crs;

/** STUB — being implemented. */
public final class CrsRegistry {
}
