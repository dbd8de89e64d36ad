package org.parboot.stat;

import java.util.Objects;

/**
 * An arithmetic expression over the values of statistics, the body of an
 * {@link ExpressionStatistic}: numbers, parts (statistic {@code i} of the expression's
 * {@link ExpressionStatistic#parts()}), {@code + - * / ^}, unary minus and the functions
 * {@code sqrt log exp abs}. Evaluated in IEEE double arithmetic, left to right as parsed
 * ({@code ^} by {@link Math#pow}, {@code log} natural): a value out of a function's domain, or a
 * division by zero, gives NaN or an infinity, which the run's NaN policy then handles.
 */
public sealed interface Expression extends java.io.Serializable {

  /**
   * The value when part {@code i} has the value {@code values[at[i]]}: the parts' values are
   * read through {@code at}, so an evaluator can keep every part of every expression in one array.
   */
  double value(double[] values, int[] at);

  /** The value when part {@code i} has the value {@code values[i]}. */
  default double value(double... values) {
    final int[] at = new int[values.length];
    for (int i = 0; i < at.length; i++) {
      at[i] = i;
    }
    return value(values, at);
  }

  /** The highest part index it reads, or -1 for none. */
  int maxPart();

  /** A number. */
  record Constant(double number) implements Expression {
    @Override
    public double value(double[] values, int[] at) {
      return number;
    }

    @Override
    public int maxPart() {
      return -1;
    }
  }

  /** The value of part {@code index}. */
  record Part(int index) implements Expression {
    public Part {
      if (index < 0) {
        throw new IllegalArgumentException("part index must be >= 0, got " + index);
      }
    }

    @Override
    public double value(double[] values, int[] at) {
      return values[at[index]];
    }

    @Override
    public int maxPart() {
      return index;
    }
  }

  /** {@code -operand}. */
  record Negate(Expression operand) implements Expression {
    public Negate {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public double value(double[] values, int[] at) {
      return -operand.value(values, at);
    }

    @Override
    public int maxPart() {
      return operand.maxPart();
    }
  }

  /** The binary operators, with their spelling. */
  enum Operator {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), POWER("^");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** How it is written. */
    public String symbol() {
      return symbol;
    }

    double apply(double a, double b) {
      return switch (this) {
        case ADD -> a + b;
        case SUBTRACT -> a - b;
        case MULTIPLY -> a * b;
        case DIVIDE -> a / b;
        case POWER -> Math.pow(a, b);
      };
    }
  }

  /** {@code left op right}. */
  record Binary(Operator operator, Expression left, Expression right) implements Expression {
    public Binary {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public double value(double[] values, int[] at) {
      return operator.apply(left.value(values, at), right.value(values, at));
    }

    @Override
    public int maxPart() {
      return Math.max(left.maxPart(), right.maxPart());
    }
  }

  /** The functions, with their spelling. */
  enum Function {
    SQRT("sqrt"), LOG("log"), EXP("exp"), ABS("abs");

    private final String spelling;

    Function(String spelling) {
      this.spelling = spelling;
    }

    /** How it is written. */
    public String spelling() {
      return spelling;
    }

    /** The function of that spelling (lower case), or null. */
    public static Function of(String spelling) {
      for (Function f : values()) {
        if (f.spelling.equals(spelling)) {
          return f;
        }
      }
      return null;
    }

    double apply(double x) {
      return switch (this) {
        case SQRT -> Math.sqrt(x);
        case LOG -> Math.log(x);
        case EXP -> Math.exp(x);
        case ABS -> Math.abs(x);
      };
    }
  }

  /** {@code function(argument)}. */
  record Call(Function function, Expression argument) implements Expression {
    public Call {
      Objects.requireNonNull(function, "function");
      Objects.requireNonNull(argument, "argument");
    }

    @Override
    public double value(double[] values, int[] at) {
      return function.apply(argument.value(values, at));
    }

    @Override
    public int maxPart() {
      return argument.maxPart();
    }
  }
}
