package org.parboot.exec;

/**
 * Work over the indices {@code [0, total)}, run in chunks by an {@link ExecutionStrategy}.
 * Every chunk writes only the result slots of its own indices, so chunks need no locks; the
 * strategy's join publishes the slots to the caller.
 *
 * @param <S> a worker's scratch: buffers one worker reuses from chunk to chunk
 */
public interface RangeJob<S> {

  /** Scratch for one worker. Called once per worker (or per concurrently running chunk). */
  S newScratch();

  /**
   * Does the work of indices {@code [from, to)} with the given scratch, stopping early (returning)
   * when {@code control.shouldStop()}. An exception ends the whole run.
   */
  void run(S scratch, int from, int to, RunControl control) throws Exception;
}
