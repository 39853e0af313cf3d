package org.gengdi.data.importer;

import java.util.List;

/**
 * Why an import failed, as one line a county technician can act on: "file X, feature N (id …), field Y: problem".
 * Bad data is an expected outcome, so the message is the whole story; {@link #problems()} lists each problem when
 * there were several (the message then joins the first few).
 */
public class ImportException extends RuntimeException {
    private final List<String> problems;

    public ImportException(String message) {
        this(message, List.of(message), null);
    }

    public ImportException(String message, Throwable cause) {
        this(message, List.of(message), cause);
    }

    ImportException(String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
    }

    /** One problem at a place in a source file; {@code row} ≤ 0, {@code id} or {@code field} null are left out. */
    public static ImportException at(String file, long row, String id, String field, String problem) {
        return new ImportException(where(file, row, id, field) + ": " + problem);
    }

    /**
     * Several data problems found in one pass over the source (each "feature N (id), field F: what"); the message
     * is the first in full, with the file, then the next few.
     */
    static ImportException of(String file, List<String> problems, long total) {
        StringBuilder sb = new StringBuilder("file ").append(file).append(", ").append(problems.get(0));
        int shown = Math.min(problems.size(), 3);
        for (int i = 1; i < shown; i++) {
            sb.append("; ").append(problems.get(i));
        }
        if (total > shown) {
            sb.append("; and ").append(total - shown).append(" more problem").append(total - shown == 1 ? "" : "s");
        }
        List<String> full = problems.stream().map(p -> "file " + file + ", " + p).toList();
        return new ImportException(sb.toString(), full, null);
    }

    /** "file X, feature N (id …), field Y" with the parts that are known. */
    static String where(String file, long row, String id, String field) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append("file ").append(file);
        }
        if (row > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("feature ").append(row);
            if (id != null) {
                sb.append(" (").append(id).append(')');
            }
        }
        if (field != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("field ").append(field);
        }
        return sb.toString();
    }

    /** Each problem found, at most the request's {@code maxProblems}; the first is the most useful. */
    public List<String> problems() {
        return problems;
    }
}
