package org.parboot;

/** The root of parboot's exceptions: everything the library throws on purpose extends it. */
public class ParbootException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ParbootException(String message) {
    super(message);
  }

  public ParbootException(String message, Throwable cause) {
    super(message, cause);
  }
}
