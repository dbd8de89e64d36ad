package org.parboot.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parboot.stat.Expression;

/**
 * The syntax of a {@code --stat} spec: a statistic ({@code name} or {@code name(args)}), or an
 * arithmetic expression of statistics and numbers.
 *
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := unary (('*' | '/') unary)*
 * unary   := '-' unary | power
 * power   := primary ('^' unary)?            right-associative: 2^3^2 = 2^(3^2); -x^2 = -(x^2)
 * primary := number | '(' expr ')' | function '(' expr ')' | statistic
 * function := sqrt | log | exp | abs          log is natural
 * statistic := name ('(' args ')')? ('[' output ']')?   args: anything but parentheses, quotes kept whole
 * </pre>
 *
 * A syntax error names the character it found (1-based, in the spec as given) and what was
 * expected there. What a statistic's name and arguments mean is {@link StatisticSpec}'s business.
 */
final class SpecSyntax {
  /** How deep parentheses and unary minus may nest. */
  static final int MAX_DEPTH = 64;

  /** A node of the parsed spec, each knowing how it is written with normalised spacing. */
  sealed interface Node {
    /** The written form, with {@code leaf} writing each statistic. */
    String render(java.util.function.Function<Leaf, String> leaf);
  }

  /**
   * A statistic as written: {@code name}, {@code args} (null without parentheses) and the output
   * {@code select}ed with {@code [name]} (null without), starting at character {@code at} (1-based).
   */
  record Leaf(String name, String args, String select, int at) implements Node {
    /**
     * {@code name(arg, arg)[select]} with spacing normalised: no space around {@code =}, one after a
     * comma, one around a model's {@code ~} and {@code +}.
     */
    String text() {
      final String tail = select == null ? "" : "[" + select + "]";
      if (args == null || args.isBlank()) {
        return name + tail;
      }
      final List<String> parts = new ArrayList<>();
      for (String a : splitArgs(args)) {
        String t = a.strip().replaceAll("\\s+", " ");
        if (t.contains("~")) {
          t = t.replaceAll(" ?~ ?", " ~ ").replaceAll(" ?\\+ ?", " + ");
        }
        parts.add(t.replaceFirst("^([A-Za-z_]\\w*) ?= ?(?!=)", "$1="));
      }
      return name + "(" + String.join(", ", parts) + ")" + tail;
    }

    @Override
    public String render(java.util.function.Function<Leaf, String> leaf) {
      return leaf.apply(this);
    }
  }

  record Number(String text, double value) implements Node {
    @Override
    public String render(java.util.function.Function<Leaf, String> leaf) {
      return text;
    }
  }

  record Group(Node inner) implements Node {
    @Override
    public String render(java.util.function.Function<Leaf, String> leaf) {
      return "(" + inner.render(leaf) + ")";
    }
  }

  record Negate(Node operand) implements Node {
    @Override
    public String render(java.util.function.Function<Leaf, String> leaf) {
      return "-" + operand.render(leaf);
    }
  }

  record Binary(Expression.Operator operator, Node left, Node right) implements Node {
    @Override
    public String render(java.util.function.Function<Leaf, String> leaf) {
      return left.render(leaf) + " " + operator.symbol() + " " + right.render(leaf);
    }
  }

  record Call(Expression.Function function, Node argument) implements Node {
    @Override
    public String render(java.util.function.Function<Leaf, String> leaf) {
      return function.spelling() + "(" + argument.render(leaf) + ")";
    }
  }

  /** A syntax error at a character. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int at;

    SyntaxError(String message, int at) {
      super(message, null, false, false);
      this.at = at;
    }
  }

  private final String text;
  private int pos;
  private int depth;

  private SpecSyntax(String text) {
    this.text = text;
  }

  /**
   * The parsed spec.
   *
   * @throws SyntaxError where it is not the grammar's, with the message and the character
   */
  static Node parse(String text) {
    final SpecSyntax p = new SpecSyntax(text);
    final Node n = p.expression();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected " + p.found() + "; expected an operator (+ - * / ^) or the end");
    }
    return n;
  }

  /** The arguments of {@code name(args)}, split at commas outside quotes. */
  static List<String> splitArgs(String args) {
    final List<String> out = new ArrayList<>();
    int start = 0;
    char quote = 0;
    for (int i = 0; i < args.length(); i++) {
      final char c = args.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ',') {
        out.add(args.substring(start, i));
        start = i + 1;
      }
    }
    out.add(args.substring(start));
    return out;
  }

  private Node expression() {
    Node left = term();
    while (true) {
      skipSpace();
      if (peek('+')) {
        pos++;
        left = new Binary(Expression.Operator.ADD, left, term());
      } else if (peek('-')) {
        pos++;
        left = new Binary(Expression.Operator.SUBTRACT, left, term());
      } else {
        return left;
      }
    }
  }

  private Node term() {
    Node left = unary();
    while (true) {
      skipSpace();
      if (peek('*')) {
        pos++;
        left = new Binary(Expression.Operator.MULTIPLY, left, unary());
      } else if (peek('/')) {
        pos++;
        left = new Binary(Expression.Operator.DIVIDE, left, unary());
      } else {
        return left;
      }
    }
  }

  private Node unary() {
    skipSpace();
    if (peek('-')) {
      pos++;
      enter();
      final Node n = new Negate(unary());
      depth--;
      return n;
    }
    return power();
  }

  private Node power() {
    final Node base = primary();
    skipSpace();
    if (peek('^')) {
      pos++;
      enter();
      final Node n = new Binary(Expression.Operator.POWER, base, unary());
      depth--;
      return n;
    }
    return base;
  }

  private Node primary() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("the spec ends where a statistic, a number or '(' is expected");
    }
    final char c = text.charAt(pos);
    if (c == '(') {
      final int open = pos;
      pos++;
      enter();
      final Node inner = expression();
      expectClose("'(' at character " + (open + 1));
      depth--;
      return new Group(inner);
    }
    if (isDigit(c) || c == '.') {
      return number();
    }
    if (isNameStart(c)) {
      final int start = pos;
      while (pos < text.length() && isNamePart(text.charAt(pos))) {
        pos++;
      }
      final String name = text.substring(start, pos);
      final int afterName = pos;
      skipSpace();
      final Expression.Function f = Expression.Function.of(name.toLowerCase(Locale.ROOT));
      if (!peek('(')) {
        pos = afterName;
        if (f != null) {
          throw error(name + " is a function: write " + f.spelling() + "(...)");
        }
        return new Leaf(name, null, select(), start + 1);
      }
      final int open = pos;
      pos++;
      if (f != null) {
        enter();
        final Node arg = expression();
        expectClose("'(' at character " + (open + 1));
        depth--;
        return new Call(f, arg);
      }
      final String args = arguments(open);
      return new Leaf(name, args, select(), start + 1);
    }
    throw error("unexpected " + found() + "; expected a statistic, a number or '('");
  }

  /** An output selected with {@code [name]} right after a statistic, or null. */
  private String select() {
    final int before = pos;
    skipSpace();
    if (!peek('[')) {
      pos = before;
      return null;
    }
    final int open = pos;
    final int close = text.indexOf(']', open);
    if (close < 0) {
      throw new SyntaxError("missing ']' to close the '[' at character " + (open + 1), text.length() + 1);
    }
    final String name = text.substring(open + 1, close).strip();
    if (name.isEmpty() || name.indexOf('[') >= 0) {
      throw error("'[...]' names one output, as in ols(y ~ x)[x]");
    }
    pos = close + 1;
    return name;
  }

  /** The raw arguments after the '(' at {@code open}, up to its ')'. */
  private String arguments(int open) {
    char quote = 0;
    final int start = pos;
    while (pos < text.length()) {
      final char c = text.charAt(pos);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ')') {
        pos++;
        return text.substring(start, pos - 1);
      } else if (c == '(') {
        throw error("unbalanced parentheses: a statistic's arguments hold no '('");
      }
      pos++;
    }
    throw new SyntaxError("missing ')' to close the '(' at character " + (open + 1), text.length() + 1);
  }

  private Node number() {
    final int start = pos;
    while (pos < text.length() && (isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int p = pos + 1;
      if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
        p++;
      }
      if (p < text.length() && isDigit(text.charAt(p))) {
        pos = p;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
          pos++;
        }
      }
    }
    final String t = text.substring(start, pos);
    try {
      final double v = Double.parseDouble(t);
      if (!Double.isFinite(v)) {
        throw new SyntaxError("the number " + t + " is out of range", start + 1);
      }
      return new Number(t, v);
    } catch (NumberFormatException e) {
      throw new SyntaxError("'" + t + "' is not a number", start + 1);
    }
  }

  private void expectClose(String what) {
    skipSpace();
    if (!peek(')')) {
      throw error((pos >= text.length() ? "missing ')'" : "unexpected " + found() + "; expected ')'")
          + " to close the " + what);
    }
    pos++;
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw error("nested more than " + MAX_DEPTH + " deep");
    }
  }

  private SyntaxError error(String message) {
    return new SyntaxError(message, pos + 1);
  }

  private String found() {
    if (pos >= text.length()) {
      return "end";
    }
    final int cp = text.codePointAt(pos);
    return Character.isISOControl(cp) || Character.isWhitespace(cp) ? String.format("character U+%04X", cp)
        : "'" + new String(Character.toChars(cp)) + "'";
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }
}
