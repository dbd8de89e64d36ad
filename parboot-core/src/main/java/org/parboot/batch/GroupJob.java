package org.parboot.batch;

import java.util.Objects;
import org.parboot.data.Dataset;

/**
 * One independent bootstrap of a batch: the rows of one group of one file.
 *
 * @param file the file's name, as output shows it and {@link org.parboot.rng.Seeds#group} hashes it
 * @param group the group's value ({@code ""} when the file is not grouped)
 * @param data the group's rows
 */
public record GroupJob(String file, String group, Dataset data) {
  public GroupJob {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(data, "data");
  }
}
