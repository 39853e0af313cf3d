package org.gengdi.core.rules;

/** The outcome of one rule check in a report. */
public enum Verdict {
    PASS,
    FAIL,
    WARN,
    /** A layer or declared fact the check needs is missing; the finding names it. Never a pass. */
    NOT_EVALUATED,
    /** Depends on declared facts: reported as "declared, not verified". */
    HUMAN,
    /** Reported only. */
    INFO
}
