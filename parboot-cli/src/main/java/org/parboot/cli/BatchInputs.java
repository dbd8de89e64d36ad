package org.parboot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.parboot.batch.GroupJob;
import org.parboot.data.Dataset;
import org.parboot.io.BundledData;
import org.parboot.io.CsvColumns;
import org.parboot.io.CsvOptions;
import org.parboot.io.DataFiles;

/**
 * Reads the inputs of a batch concurrently, one virtual thread per file (the work is I/O and
 * parsing; the resampling later runs on the compute executor), into one {@link GroupJob} per
 * file and group, in argument order and then order of first appearance.
 *
 * <p>A file's name in results (and in {@link org.parboot.batch.GroupSeeds}) is its last path
 * component, or the path as given when two inputs share a name; the bundled data is
 * {@code weather.csv}. The first file that cannot be read stops the others and is reported.
 */
final class BatchInputs {
  /** The bundled data's name in a batch. */
  static final String BUNDLED_NAME = "weather.csv";

  private BatchInputs() {}

  /** Reads every file (null: the bundled data) with the columns, split by {@code groupBy} if not null. */
  static List<GroupJob> read(List<Path> files, String groupBy, List<String> columns, CsvOptions options)
      throws InterruptedException {
    final List<Path> inputs = files.isEmpty() ? java.util.Collections.singletonList(null) : files;
    final List<String> names = names(inputs);
    final Stdin stdin = CommandScope.current().stdin();
    final List<Future<Map<String, Dataset>>> reads = new ArrayList<>();
    try (ExecutorService io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("parboot-read-", 0).factory())) {
      for (Path p : inputs) {
        reads.add(io.submit(() -> readOne(p, stdin, groupBy, columns, options)));
      }
      final List<GroupJob> jobs = new ArrayList<>();
      for (int i = 0; i < reads.size(); i++) {
        final Map<String, Dataset> groups;
        try {
          groups = reads.get(i).get();
        } catch (ExecutionException e) {
          io.shutdownNow();
          throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          io.shutdownNow();
          throw e;
        }
        for (Map.Entry<String, Dataset> g : groups.entrySet()) {
          jobs.add(new GroupJob(names.get(i), g.getKey(), g.getValue()));
        }
      }
      return jobs;
    }
  }

  private static Map<String, Dataset> readOne(Path file, Stdin stdin, String groupBy, List<String> columns,
      CsvOptions options) {
    if (file != null && InputFiles.isStdin(file)) {
      return InputFiles.readStdin(stdin, reader -> groupBy != null
          ? CsvColumns.readGrouped(reader, InputFiles.STDIN_NAME, groupBy, columns, options)
          : Map.of("", CsvColumns.read(reader, InputFiles.STDIN_NAME, columns, options)));
    }
    if (file == null) {
      return groupBy != null ? BundledData.weatherGrouped(groupBy, columns, options)
          : Map.of("", BundledData.weather(columns, options));
    }
    return InputFiles.read(file, () -> groupBy != null ? DataFiles.readGrouped(file, groupBy, columns, options)
        : Map.of("", DataFiles.read(file, columns, options)));
  }

  /** Last path components, or whole paths where two inputs share a last component. */
  static List<String> names(List<Path> files) {
    final Map<String, Integer> count = new HashMap<>();
    for (Path p : files) {
      count.merge(shortName(p), 1, Integer::sum);
    }
    return files.stream().map(p -> count.get(shortName(p)) > 1 ? p.toString() : shortName(p)).toList();
  }

  private static String shortName(Path p) {
    return p == null ? BUNDLED_NAME : InputFiles.isStdin(p) ? InputFiles.STDIN_NAME : p.getFileName() == null ? p.toString() : p.getFileName().toString();
  }
}
