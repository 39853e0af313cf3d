package org.gengdi.data.importer;

import org.gengdi.core.feature.AttributeType;

/**
 * One attribute column of a source file, as the file declares it.
 *
 * @param name   the name in the file, decoded with the source encoding (may be Chinese, e.g. 地类编码)
 * @param type   the value type the reader yields for this column
 * @param length declared maximum length for strings (DBF: bytes), 0 when the format declares none
 */
public record SourceField(String name, AttributeType type, int length) {
}
