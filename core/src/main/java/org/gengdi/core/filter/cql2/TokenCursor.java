package org.gengdi.core.filter.cql2;

import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.cql2.Token.Kind;

/** The parser's view of the token stream: a few tokens of look-ahead, pulled from the lexer on demand. */
final class TokenCursor {
    private final Cql2Lexer lexer;
    private final List<Token> ahead = new ArrayList<>(4);

    TokenCursor(String text) {
        this.lexer = new Cql2Lexer(text);
    }

    Token peek() {
        return peek(0);
    }

    /** The token {@code k} places ahead (0 = the current one). */
    Token peek(int k) {
        while (ahead.size() <= k) {
            if (!ahead.isEmpty() && ahead.get(ahead.size() - 1).is(Kind.EOF)) {
                return ahead.get(ahead.size() - 1);
            }
            ahead.add(lexer.next());
        }
        return ahead.get(k);
    }

    Token next() {
        Token t = peek();
        if (!t.is(Kind.EOF)) {
            ahead.remove(0);
        }
        return t;
    }

    boolean at(Kind k) {
        return peek().is(k);
    }

    boolean atKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean accept(Kind k) {
        if (at(k)) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (atKeyword(keyword)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(Kind k, String what) {
        if (!at(k)) {
            throw expected(what);
        }
        return next();
    }

    Token expectKeyword(String keyword) {
        if (!atKeyword(keyword)) {
            throw expected(keyword);
        }
        return next();
    }

    /** "expected … but found …" at the current token. */
    FilterParseException expected(String what) {
        Token t = peek();
        return new FilterParseException("expected " + what + " but found " + t.describe(), t.start());
    }

    /** A signed number: an optional {@code +}/{@code -} then a numeric token. */
    double number(String what) {
        Token sign = at(Kind.MINUS) || at(Kind.PLUS) ? next() : null;
        Token t = peek();
        if (!t.is(Kind.NUMBER)) {
            throw expected(what);
        }
        next();
        double v = Double.parseDouble(t.text());
        if (!Double.isFinite(v)) {
            throw new FilterParseException("number out of range: " + Token.echo(t.text()), t.start());
        }
        return sign != null && sign.is(Kind.MINUS) ? -v : v;
    }
}
