package org.parboot.spark;

import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.parboot.ParbootException;
import org.parboot.exec.RunControl;

/**
 * A run's Spark jobs under one job group: a watcher thread cancels the group when the run's
 * {@link RunControl} stops (Ctrl-C, {@code --timeout}), and reports the group's progress in tasks
 * to the control; a failure in a task that is one of parboot's own (bad input) is rethrown as it
 * is, without Spark's wrapping.
 */
final class SparkJobs implements AutoCloseable {
  private static final long POLL_MS = 100;

  private final JavaSparkContext context;
  private final RunControl control;
  private final String group = "parboot-" + UUID.randomUUID();
  private final Thread watcher;
  private final java.util.Set<Integer> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
  // The stages of the run's jobs, and how many of their tasks are running: a cancelled job ends
  // before its killed tasks have (they stop when they next look), and a session stopped under a
  // task still running makes Spark print that task's failure.
  private final java.util.Set<Integer> stages = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger tasks = new java.util.concurrent.atomic.AtomicInteger();
  private final SparkListener jobs = new SparkListener() {
    @Override
    public void onJobStart(SparkListenerJobStart e) {
      if (group.equals(e.properties().getProperty("spark.jobGroup.id"))) {
        e.stageIds().foreach(id -> stages.add((Integer) id));
        running.add(e.jobId());
      }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
      if (stages.contains(e.stageId())) {
        tasks.incrementAndGet();
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
      if (stages.contains(e.stageId())) {
        tasks.decrementAndGet();
        ended();
      }
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd e) {
      if (running.remove(e.jobId())) {
        ended();
      }
    }

    private void ended() {
      synchronized (running) {
        running.notifyAll();
      }
    }
  };
  private volatile boolean closed;

  SparkJobs(SparkSession spark, RunControl control) {
    this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    this.control = control;
    context.sc().addSparkListener(jobs);
    context.setJobGroup(group, "parboot run", true);
    control.startPhase(0);
    this.watcher = Thread.ofPlatform().daemon().name("parboot-spark-watch").start(this::watch);
  }

  private void watch() {
    long total = 0;
    long done = 0;
    while (!closed) {
      if (control.shouldStop()) {
        context.cancelJobGroup(group);
        return;
      }
      long t = 0;
      long d = 0;
      for (int job : context.statusTracker().getJobIdsForGroup(group)) {
        final SparkJobInfo info = context.statusTracker().getJobInfo(job);
        if (info == null) {
          continue;
        }
        for (int stage : info.stageIds()) {
          final SparkStageInfo s = context.statusTracker().getStageInfo(stage);
          if (s != null) {
            t += s.numTasks();
            d += s.numCompletedTasks();
          }
        }
      }
      if (t != total) {
        total = t;
        control.startPhase(total);
        done = 0;
      }
      if (d > done) {
        control.addCompleted(d - done);
        done = d;
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Runs a Spark action of this run: a cancelled run ends with the control's
   * {@link org.parboot.CancelledException}, a task's parboot exception is rethrown itself.
   */
  <T> T run(Supplier<T> action) {
    control.throwIfStopped();
    try {
      return action.get();
    } catch (Exception e) { // Spark throws its checked SparkException from Scala code
      if (control.shouldStop()) {
        control.throwIfStopped();
      }
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof ParbootException p) {
          throw p;
        }
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Ends the run's watch; after a cancel, first waits (up to {@link #DRAIN_MS}) until every job the
   * run started has ended and every task of theirs has stopped, so that a session stopped next
   * finds nothing in flight (stopping it under a cancelled job's feet made Spark print stack traces
   * of futures its pools rejected; under a killed task still reading its broadcast, of that task's
   * failure).
   */
  @Override
  public void close() {
    closed = true;
    watcher.interrupt();
    try {
      watcher.join();
      if (control.shouldStop()) {
        context.cancelJobGroup(group);
        final long deadline = System.nanoTime() + DRAIN_MS * 1_000_000L;
        synchronized (running) {
          while ((!running.isEmpty() || tasks.get() > 0) && System.nanoTime() < deadline) {
            running.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      context.sc().removeSparkListener(jobs);
      context.clearJobGroup();
    }
  }

  /** How long a cancelled run waits for its jobs to end before it returns. */
  static final long DRAIN_MS = 10_000;
}
