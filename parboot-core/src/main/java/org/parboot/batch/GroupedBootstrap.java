package org.parboot.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.parboot.exec.OwnedThreads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.parboot.Bootstrap;
import org.parboot.BootstrapOptions;
import org.parboot.BootstrapResult;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.exec.RunControl;
import org.parboot.rng.Seeds;
import org.parboot.stat.Statistic;

/**
 * Independent bootstraps of many groups (of one or many files), run concurrently, gathered into
 * one {@link BatchResult}.
 *
 * <pre>{@code
 * List<GroupJob> jobs = List.of(new GroupJob("weather.csv", "Seattle", seattle),
 *                               new GroupJob("weather.csv", "New York", newYork));
 * BatchResult r = GroupedBootstrap.run(jobs, List.of(MomentStatistic.mean("temp_max")),
 *     BootstrapOptions.builder().seed(42).build());
 * long seattleSeed = r.groups().get(0).seed();   // Seeds.group(42, "weather.csv", "Seattle")
 * }</pre>
 *
 * <p><b>Reproducibility.</b> Group {@code g} of file {@code f} is exactly
 * {@code Bootstrap.run(data, statistics, options with seed Seeds.group(seed, f, g))}: its
 * replicates are bit-identical to running it alone with that seed, whatever the executor, thread
 * count, number of groups or the order they finish in.
 *
 * <p><b>Threads.</b> With T = {@code options.threads()}, {@code min(T, groups)} groups run at
 * once, each on its own run of {@code options.executor()} with {@code max(1, T / concurrent)}
 * threads; so many small groups use every core without over-subscription, and one big group gets
 * all T threads. The coordinating threads ({@code parboot-group-<n>}, daemons) only wait. None of
 * this can change a result (see above).
 *
 * <p><b>Failure and cancellation.</b> The first group that fails cancels every other group; the
 * batch then throws that failure (an {@link InvalidInputException} names the file and group).
 * Cancelling the batch's {@link RunControl} (or its deadline) cancels every running group within
 * about 50 ms and the batch throws {@link CancelledException}. Every thread the batch started has
 * ended when it returns or throws.
 *
 * <p><b>Memory.</b> Each group's run checks its own needs before it starts; groups running at once
 * each hold their replicates, so a batch can need up to {@code concurrentGroups()} times one
 * group's memory. One instance runs once: {@link #run(RunControl)} again is not supported.
 */
public final class GroupedBootstrap {

  private static final long POLL_MS = 50;

  private final List<GroupJob> jobs;
  private final List<? extends Statistic> statistics;
  private final BootstrapOptions options;
  private final List<RunControl> controls = new ArrayList<>();
  private final AtomicInteger finished = new AtomicInteger();

  /** A batch of {@code jobs} (at least one), each bootstrapped with {@code statistics} under {@code options}. */
  public GroupedBootstrap(List<GroupJob> jobs, List<? extends Statistic> statistics, BootstrapOptions options) {
    this.jobs = List.copyOf(jobs);
    this.statistics = List.copyOf(statistics);
    this.options = Objects.requireNonNull(options, "options");
    if (this.jobs.isEmpty()) {
      throw new InvalidInputException("no groups to bootstrap; accepted: at least one file with at least one group");
    }
    for (int i = 0; i < this.jobs.size(); i++) {
      controls.add(RunControl.create());
    }
  }

  /** Runs the batch to completion. */
  public static BatchResult run(List<GroupJob> jobs, List<? extends Statistic> statistics, BootstrapOptions options) {
    return new GroupedBootstrap(jobs, statistics, options).run(RunControl.create());
  }

  /** Groups in the batch. */
  public int groups() {
    return jobs.size();
  }

  /** Groups finished so far (for progress). */
  public int finishedGroups() {
    return finished.get();
  }

  /** How many groups run at once under {@code options}: {@code min(threads, groups)}. */
  public int concurrentGroups() {
    return Math.min(options.execution().threads(), jobs.size());
  }

  /** Worker threads each group's run gets: {@code max(1, threads / concurrentGroups())}. */
  public int threadsPerGroup() {
    return Math.max(1, options.execution().threads() / concurrentGroups());
  }

  /** The options group {@code job} runs with: the batch's, with the derived seed and its share of the threads. */
  public BootstrapOptions optionsFor(GroupJob job) {
    return options.toBuilder().seed(Seeds.group(options.seed(), job.file(), job.group()))
        .threads(threadsPerGroup()).build();
  }

  /**
   * Runs the batch under {@code control}: cancel it to cancel every group.
   *
   * @throws InvalidInputException a group's data is not acceptable (the message names file and group)
   * @throws org.parboot.StatisticFailedException a statistic threw in some group
   * @throws CancelledException the batch was cancelled or interrupted
   */
  public BatchResult run(RunControl control) {
    final long start = System.nanoTime();
    final int concurrent = concurrentGroups();
    final OwnedThreads owned = OwnedThreads.platform("parboot-group-");
    final ExecutorService pool = Executors.newFixedThreadPool(concurrent, owned);
    final CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
    final BootstrapResult[] results = new BootstrapResult[jobs.size()];
    RuntimeException failure = null;
    boolean interrupted = false;
    try {
      for (int i = 0; i < jobs.size(); i++) {
        final int index = i;
        done.submit(() -> {
          results[index] = runOne(index);
          finished.incrementAndGet();
          return index;
        });
      }
      int received = 0;
      while (received < jobs.size()) {
        final Future<Integer> f;
        try {
          f = done.poll(POLL_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
          control.cancel();
          cancelAll();
          continue;
        }
        if (f == null) {
          if (control.shouldStop()) {
            cancelAll();
          }
          continue;
        }
        received++;
        try {
          f.get();
        } catch (ExecutionException e) {
          if (failure == null && !(e.getCause() instanceof CancelledException)) {
            failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            cancelAll();
          }
        } catch (InterruptedException e) {
          interrupted = true; // f is done: get() cannot block; keep collecting
        }
      }
    } finally {
      pool.shutdownNow();
      while (true) {
        try {
          if (pool.awaitTermination(1, TimeUnit.DAYS)) {
            break;
          }
        } catch (InterruptedException e) {
          interrupted = true;
          cancelAll();
        }
      }
      interrupted |= owned.joinAll(this::cancelAll);
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (interrupted || control.shouldStop()) {
      throw new CancelledException("the run was cancelled", false);
    }
    final List<GroupResult> out = new ArrayList<>(jobs.size());
    for (int i = 0; i < jobs.size(); i++) {
      final GroupJob job = jobs.get(i);
      out.add(new GroupResult(job.file(), job.group(), results[i].options().seed(), results[i]));
    }
    return new BatchResult(options, concurrent, threadsPerGroup(), Duration.ofNanos(System.nanoTime() - start), out);
  }

  private BootstrapResult runOne(int index) {
    final GroupJob job = jobs.get(index);
    final RunControl control = controls.get(index);
    if (control.shouldStop()) {
      throw new CancelledException("the run was cancelled", false);
    }
    try {
      return Bootstrap.run(job.data(), statistics, optionsFor(job), control);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(name(job) + ": " + e.getMessage(), e);
    }
  }

  private void cancelAll() {
    controls.forEach(RunControl::cancel);
  }

  /** {@code file, group Seattle} for messages. */
  static String name(GroupJob job) {
    return job.group().isEmpty() ? job.file() : job.file() + ", group " + job.group();
  }
}
