package org.gengdi.server.render;

import java.util.Arrays;

/** An int → int hash map with open addressing, for colour histograms and palette lookups (no boxing). */
final class IntIntMap {
    private int[] keys;
    private int[] values;
    private boolean[] used;
    private int size;
    private int mask;

    IntIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[cap];
        values = new int[cap];
        used = new boolean[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    private int slot(int key) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** The value of a key, or {@code missing}. */
    int get(int key, int missing) {
        for (int i = slot(key); used[i]; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return values[i];
            }
        }
        return missing;
    }

    void put(int key, int value) {
        int i = slot(key);
        for (; used[i]; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
        insert(i, key, value);
    }

    /** Adds to a key's value (0 when absent). */
    void add(int key, int delta) {
        int i = slot(key);
        for (; used[i]; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] += delta;
                return;
            }
        }
        insert(i, key, delta);
    }

    private void insert(int i, int key, int value) {
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        int[] k = keys;
        int[] v = values;
        boolean[] u = used;
        keys = new int[k.length * 2];
        values = new int[k.length * 2];
        used = new boolean[k.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (u[i]) {
                put(k[i], v[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }

    /** The keys, in no particular order. */
    int[] keys() {
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                out[n++] = keys[i];
            }
        }
        return out;
    }
}
