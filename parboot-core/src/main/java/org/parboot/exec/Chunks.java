package org.parboot.exec;

/** A phase's job cut into numbered chunks, with failure capture and a pool of scratch. */
final class Chunks {
  final RangeJob<Object> job;
  final int total;
  final int chunk;
  final RunControl control;
  final java.util.concurrent.ConcurrentLinkedQueue<Object> scratchPool =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  @SuppressWarnings("unchecked")
  Chunks(RangeJob<?> job, int total, int chunk, RunControl control) {
    this.job = (RangeJob<Object>) job;
    this.total = total;
    this.chunk = chunk;
    this.control = control;
  }

  /**
   * Runs chunk c with scratch from the pool (made on demand); records a failure instead of
   * throwing. Returns at once if the run was stopped.
   */
  void run(int c) {
    if (control.shouldStop()) {
      return;
    }
    Object s = scratchPool.poll();
    if (s == null) {
      try {
        s = job.newScratch();
      } catch (Throwable t) {
        control.fail(t);
        return;
      }
    }
    final int from = c * chunk;
    final int to = (int) Math.min((long) from + chunk, total);
    try {
      job.run(s, from, to, control);
      control.addCompleted(to - from);
    } catch (Throwable t) {
      control.fail(t);
    }
    scratchPool.offer(s);
  }
}
