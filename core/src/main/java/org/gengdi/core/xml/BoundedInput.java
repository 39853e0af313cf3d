package org.gengdi.core.xml;

import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Input that fails after a given number of bytes or characters and remembers that it did: the parser wraps the
 * I/O error in its own exception, and {@link GuardedStreamReader} turns that back into a clear
 * {@link XmlInputException.Reason#TOO_LARGE}.
 */
sealed interface BoundedInput permits BoundedInput.Stream, BoundedInput.Chars {

    /** True once the input went past its limit. */
    boolean exceeded();

    /** The error for input past the limit. */
    XmlInputException tooLarge();

    static XmlInputException tooLarge(long limit, String unit) {
        return new XmlInputException(XmlInputException.Reason.TOO_LARGE,
                "XML input is larger than the limit of " + limit + " " + unit);
    }

    /** A byte stream with a limit. */
    final class Stream extends FilterInputStream implements BoundedInput {
        private final long limit;
        private long count;
        private boolean exceeded;

        Stream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            check();
            int b = super.read();
            if (b >= 0) {
                count++;
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            check();
            // Never more than one byte past the limit, whatever the parser's buffer size.
            int n = super.read(buf, off, (int) Math.min(len, limit - count + 1));
            if (n > 0) {
                count += n;
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            long s = super.skip(Math.min(n, limit - count + 1));
            count += Math.max(s, 0);
            check();
            return s;
        }

        private void check() throws IOException {
            if (count > limit) {
                exceeded = true;
                throw new IOException("XML input is larger than " + limit + " bytes");
            }
        }

        @Override
        public boolean exceeded() {
            return exceeded;
        }

        @Override
        public XmlInputException tooLarge() {
            return BoundedInput.tooLarge(limit, "bytes");
        }
    }

    /** A character stream with a limit. */
    final class Chars extends FilterReader implements BoundedInput {
        private final long limit;
        private long count;
        private boolean exceeded;

        Chars(Reader in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            check();
            int c = super.read();
            if (c >= 0) {
                count++;
                check();
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            check();
            int n = super.read(buf, off, (int) Math.min(len, limit - count + 1));
            if (n > 0) {
                count += n;
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            check();
            long s = super.skip(Math.min(n, limit - count + 1));
            count += Math.max(s, 0);
            check();
            return s;
        }

        private void check() throws IOException {
            if (count > limit) {
                exceeded = true;
                throw new IOException("XML input is larger than " + limit + " characters");
            }
        }

        @Override
        public boolean exceeded() {
            return exceeded;
        }

        @Override
        public XmlInputException tooLarge() {
            return BoundedInput.tooLarge(limit, "characters");
        }
    }
}
