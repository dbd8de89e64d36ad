package org.parboot;

/**
 * Bad input or a bad parameter: the message says which file, line, column, parameter or value
 * is wrong and what would be accepted. The command line prints it as one line and exits 2.
 */
public class InvalidInputException extends ParbootException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
