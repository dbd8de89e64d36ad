package org.parboot;

/**
 * The run was cancelled (by {@link org.parboot.exec.RunControl#cancel()}, by an interrupt of the
 * waiting thread, or because its deadline passed) before it finished. No result exists.
 */
public class CancelledException extends ParbootException {
  private static final long serialVersionUID = 1L;
  private final boolean timedOut;

  public CancelledException(String message, boolean timedOut) {
    super(message);
    this.timedOut = timedOut;
  }

  /** True when the run's deadline passed; false when it was cancelled or interrupted. */
  public boolean timedOut() {
    return timedOut;
  }
}
