package org.parboot.batch;

import java.time.Duration;
import java.util.List;
import org.parboot.BootstrapOptions;

/**
 * The results of a batch: one {@link GroupResult} per job, in job order (file order, then each
 * file's groups in order of first appearance), whatever order they finished in.
 *
 * @param options the batch's options (with the batch seed every group's seed derives from)
 * @param concurrentGroups how many groups ran at once
 * @param threadsPerGroup worker threads each group's run had
 * @param elapsed wall time of the whole batch
 * @param groups one result per job
 */
public record BatchResult(BootstrapOptions options, int concurrentGroups, int threadsPerGroup, Duration elapsed,
    List<GroupResult> groups) {
  public BatchResult {
    groups = List.copyOf(groups);
  }
}
