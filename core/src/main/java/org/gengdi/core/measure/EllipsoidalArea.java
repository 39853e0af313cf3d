package org.gengdi.core.measure;

/** STUB — being implemented. */
public final class EllipsoidalArea {
}
