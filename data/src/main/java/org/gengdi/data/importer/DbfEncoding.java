package org.gengdi.data.importer;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.gengdi.data.importer.SourceReader.SourceEncoding;

/**
 * Decides the text encoding of a shapefile's {@code .dbf} (FARMLAND-RULES §G.10), in this order: the caller's
 * {@code --encoding}; the {@code .cpg} file; the DBF header's language-driver byte (0x4D or 0x7A = GBK/936); else
 * detection on the raw bytes of every character field and field name: strict UTF-8 if all of them decode, else
 * GBK (GB18030 when even GBK fails). The same pass over the raw records finds deleted records, whose shapes are
 * then skipped.
 */
final class DbfEncoding {
    static final Charset GBK = Charset.forName("GBK");

    /** The decision. */
    final SourceEncoding decision;
    final Charset charset;
    /** Records flagged deleted ('*'), by 0-based index. */
    final BitSet deleted;
    final int recordCount;
    /** The number of columns the header declares. */
    int fieldCount;

    private DbfEncoding(Charset charset, String how, BitSet deleted, int recordCount) {
        this.charset = charset;
        this.decision = new SourceEncoding(charset.name(), how);
        this.deleted = deleted;
        this.recordCount = recordCount;
    }

    static DbfEncoding decide(Path dbf, Path cpg, Charset given, List<String> notes) throws IOException {
        String name = dbf.getFileName().toString();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(dbf), 1 << 16))) {
            byte[] head = new byte[32];
            readFully(in, head, name, "header");
            ByteBuffer h = ByteBuffer.wrap(head).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int records = h.getInt(4);
            int headerLength = Short.toUnsignedInt(h.getShort(8));
            int recordLength = Short.toUnsignedInt(h.getShort(10));
            int ldid = Byte.toUnsignedInt(head[29]);
            if (headerLength < 33 || recordLength < 1 || records < 0) {
                throw new ImportException("file " + name + ": not a dBASE file (header length " + headerLength
                        + ", record length " + recordLength + ")");
            }
            byte[] fieldBytes = new byte[headerLength - 32];
            readFully(in, fieldBytes, name, "field descriptors");
            List<int[]> textFields = new ArrayList<>(); // {offset in record, length}
            List<byte[]> names = new ArrayList<>();
            List<String> asciiNames = new ArrayList<>();
            int offset = 1;
            for (int at = 0; at + 32 <= fieldBytes.length && fieldBytes[at] != 0x0D; at += 32) {
                int nameLen = 0;
                while (nameLen < 11 && fieldBytes[at + nameLen] != 0) {
                    nameLen++;
                }
                byte[] raw = java.util.Arrays.copyOfRange(fieldBytes, at, at + nameLen);
                names.add(raw);
                asciiNames.add(new String(raw, StandardCharsets.ISO_8859_1));
                char type = (char) fieldBytes[at + 11];
                int len = Byte.toUnsignedInt(fieldBytes[at + 16]);
                if (type == 'C') {
                    // dBASE allows character fields over 255 bytes by using the decimals byte as the high byte
                    len += 256 * Byte.toUnsignedInt(fieldBytes[at + 17]);
                    textFields.add(new int[] {offset, len, names.size() - 1});
                }
                offset += len;
            }

            Charset fromFile = null;
            String how = null;
            if (given != null) {
                fromFile = given;
                how = "given with --encoding";
            } else if (cpg != null && Files.exists(cpg)) {
                String text = Files.readString(cpg, StandardCharsets.ISO_8859_1).strip();
                fromFile = fromCpg(text);
                if (fromFile != null) {
                    how = "from " + cpg.getFileName() + " (\"" + text + "\")";
                } else {
                    notes.add("file " + cpg.getFileName() + " names an unknown code page \"" + text
                            + "\"; the encoding was detected instead");
                }
            }
            if (fromFile == null && (ldid == 0x4D || ldid == 0x7A)) {
                fromFile = GBK;
                how = String.format("from the .dbf header's language driver 0x%02X (GBK/936)", ldid);
            }

            CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
            CharsetDecoder gbk = strict(GBK);
            boolean nonAscii = false;
            String utf8Failure = null;
            boolean gbkFails = false;
            for (int i = 0; i < names.size(); i++) {
                byte[] raw = names.get(i);
                if (!isAscii(raw, 0, raw.length)) {
                    nonAscii = true;
                    if (utf8Failure == null && !decodes(utf8, raw, 0, raw.length)) {
                        utf8Failure = "field name " + (i + 1);
                    }
                    gbkFails |= !decodes(gbk, raw, 0, raw.length);
                }
            }
            BitSet deleted = new BitSet();
            byte[] rec = new byte[recordLength];
            for (int r = 0; r < records; r++) {
                try {
                    in.readFully(rec);
                } catch (EOFException e) {
                    throw ImportException.at(name, r + 1, ShpFile.fid(r + 1), null, "the .dbf file is truncated: the header "
                            + "declares " + records + " records");
                }
                if (rec[0] == '*') {
                    deleted.set(r);
                }
                for (int[] f : textFields) {
                    int from = f[0];
                    int len = Math.min(f[1], recordLength - from);
                    if (len <= 0 || isAscii(rec, from, len)) {
                        continue;
                    }
                    nonAscii = true;
                    int end = trimmedEnd(rec, from, len);
                    if (utf8Failure == null && !utf8(utf8, rec, from, end - from, end == from + len)) {
                        utf8Failure = "record " + (r + 1) + ", field " + asciiNames.get(f[2]);
                    }
                    if (!gbkFails) {
                        gbkFails = !decodes(gbk, rec, from, end - from);
                    }
                }
            }
            DbfEncoding result = decision(fromFile, how, nonAscii, utf8Failure, gbkFails, deleted, records);
            result.fieldCount = names.size();
            return result;
        }
    }

    private static DbfEncoding decision(Charset fromFile, String how, boolean nonAscii, String utf8Failure,
                                        boolean gbkFails, BitSet deleted, int records) {
        if (fromFile != null) {
            return new DbfEncoding(fromFile, how, deleted, records);
        }
        if (!nonAscii) {
            return new DbfEncoding(StandardCharsets.UTF_8, "detected: the text is plain ASCII (read as UTF-8)",
                    deleted, records);
        }
        if (utf8Failure == null) {
            return new DbfEncoding(StandardCharsets.UTF_8, "detected: all text is valid UTF-8", deleted,
                    records);
        }
        if (!gbkFails) {
            return new DbfEncoding(GBK, "detected: the text is not valid UTF-8 (first at " + utf8Failure
                    + ") and is valid GBK", deleted, records);
        }
        return new DbfEncoding(Charset.forName("GB18030"), "detected: the text is neither valid UTF-8 (first at "
                + utf8Failure + ") nor GBK; read as GB18030", deleted, records);
    }

    /** The charset a {@code .cpg} names, or null when unknown (then the encoding is detected). */
    static Charset fromCpg(String value) {
        String s = value.strip().toUpperCase(Locale.ROOT).replace('_', '-');
        if (s.startsWith("ANSI ")) {
            s = s.substring(5).strip();
        }
        switch (s) {
            case "UTF-8", "UTF8", "65001":
                return StandardCharsets.UTF_8;
            case "936", "CP936", "MS936", "GBK", "GB2312", "EUC-CN", "X-EUC-CN":
                return GBK;
            case "54936", "GB18030":
                return Charset.forName("GB18030");
            case "88591", "8859-1", "ISO-8859-1", "ISO8859-1", "LATIN1":
                return StandardCharsets.ISO_8859_1;
            case "", "SYSTEM", "OEM", "ANSI":
                return null;
            default:
                break;
        }
        for (String candidate : new String[] {s, "windows-" + s, "cp" + s, "x-windows-" + s}) {
            try {
                if (Charset.isSupported(candidate)) {
                    return Charset.forName(candidate);
                }
            } catch (IllegalArgumentException ignored) {
                // not a legal charset name; try the next form
            }
        }
        return null;
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean decodes(CharsetDecoder d, byte[] b, int from, int len) {
        try {
            d.reset().decode(ByteBuffer.wrap(b, from, len));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Strict UTF-8, except that a value filling its whole field may end in a cut-off character: writers truncate
     * to the field width in bytes, and that must not make a UTF-8 file look like GBK.
     */
    private static boolean utf8(CharsetDecoder d, byte[] b, int from, int len, boolean fillsField) {
        if (decodes(d, b, from, len)) {
            return true;
        }
        if (!fillsField) {
            return false;
        }
        int cut = 0;
        while (cut < 3 && cut < len && (b[from + len - 1 - cut] & 0xC0) == 0x80) {
            cut++;
        }
        if (cut < len && (b[from + len - 1 - cut] & 0xC0) == 0xC0) {
            return decodes(d, b, from, len - cut - 1);
        }
        return false;
    }

    private static boolean isAscii(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The end of the value without trailing spaces and NULs (padding never splits a character). */
    private static int trimmedEnd(byte[] b, int from, int len) {
        int end = from + len;
        while (end > from && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        return end;
    }

    private static void readFully(InputStream in, byte[] b, String name, String what) throws IOException {
        int n = in.readNBytes(b, 0, b.length);
        if (n < b.length) {
            throw new ImportException("file " + name + ": truncated: the .dbf " + what + " is cut off");
        }
    }
}
