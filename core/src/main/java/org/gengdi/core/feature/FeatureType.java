package org.gengdi.core.feature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schema of a layer: name, Chinese title, one geometry column with its kind and CRS, and ordered attributes.
 *
 * @param name         the layer name as published (ASCII, e.g. {@code DLTB})
 * @param title        Chinese title (e.g. 地类图斑)
 * @param geometryName name of the geometry column (e.g. {@code geom})
 * @param geometryKind the geometry type
 * @param srid         EPSG code of the stored coordinates
 * @param attributes   the non-geometry fields, in order
 */
public record FeatureType(String name, String title, String geometryName, GeometryKind geometryKind, int srid,
                          List<AttributeDef> attributes) {

    public FeatureType {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("layer names are ASCII identifiers of at most 63 characters: " + name);
        }
        attributes = List.copyOf(attributes);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            String key = attributes.get(i).name().toUpperCase();
            if (seen.put(key, i) != null) {
                throw new IllegalArgumentException("duplicate attribute " + attributes.get(i).name() + " in " + name);
            }
        }
        if (geometryName == null) {
            geometryName = "geom";
        }
        if (title == null) {
            title = name;
        }
    }

    /** Index of the attribute with this name (exact match first, then case-insensitive), or -1. */
    public int indexOf(String attributeName) {
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equals(attributeName)) {
                return i;
            }
        }
        for (int i = 0; i < attributes.size(); i++) {
            if (attributes.get(i).name().equalsIgnoreCase(attributeName)) {
                return i;
            }
        }
        return -1;
    }

    public AttributeDef attribute(String attributeName) {
        int i = indexOf(attributeName);
        return i < 0 ? null : attributes.get(i);
    }

    public boolean isGeometry(String propertyName) {
        return geometryName.equalsIgnoreCase(propertyName);
    }

    /** The attributes not marked personal: what anonymous users may see (§G.11). */
    public List<AttributeDef> publicAttributes() {
        List<AttributeDef> out = new ArrayList<>();
        for (AttributeDef a : attributes) {
            if (!a.personal()) {
                out.add(a);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A copy with another name, title and CRS (used when importing into a named layer). */
    public FeatureType renamed(String newName, String newTitle) {
        return new FeatureType(newName, newTitle, geometryName, geometryKind, srid, attributes);
    }

    public FeatureType withSrid(int newSrid) {
        return new FeatureType(name, title, geometryName, geometryKind, newSrid, attributes);
    }
}
