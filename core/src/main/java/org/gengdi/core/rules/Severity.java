package org.gengdi.core.rules;

/** How binding a rule is (FARMLAND-RULES.md §0.3). */
public enum Severity {
    /** The regulation says must / must not and the data can decide it: a failure. */
    HARD,
    /** 原则上 / 优先 / 尽量, or a proxy test: a warning, never a failure. */
    WARN,
    /** Depends on facts the data cannot hold; the caller declares them and the report echoes them. */
    HUMAN,
    /** Computed and reported, no verdict. */
    INFO
}
