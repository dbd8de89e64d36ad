package org.parboot.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parboot.BootstrapResult;
import org.parboot.InvalidInputException;

class ReplicatesCsvTest {
  @TempDir
  Path dir;

  @Test
  void write_run_roundTripsEveryReplicateExactly() throws IOException {
    final BootstrapResult run = Results.run();
    final Path f = dir.resolve("out/replicates.csv");
    ReplicatesCsv.write(f, run);
    final List<CsvRecord> rows;
    try (CsvReader<CsvRecord> r = CsvReader.builder().commentStrategy(de.siegmar.fastcsv.reader.CommentStrategy.SKIP)
        .ofCsvRecord(f)) {
      rows = r.stream().toList();
    }
    assertThat(rows.get(0).getFields()).containsExactly("mean(x)", "std(x, ddof=0)");
    final List<String> lines = Files.readAllLines(f);
    assertThat(lines.get(0)).startsWith(ReplicatesCsv.MARK + "{\"format\":1,\"data\":\"sha256:");
    assertThat(lines.get(1)).isEqualTo("mean(x),\"std(x, ddof=0)\"");
    // read back: the fingerprint, the observed values and every replicate's bits
    final org.parboot.SavedReplicates saved = ReplicatesCsv.read(f);
    assertThat(saved.fingerprint()).isEqualTo(run.fingerprint());
    assertThat(saved.observed()).containsExactly(run.statistics().get(0).observed(), run.statistics().get(1).observed());
    assertThat(saved.replicates()[1]).isEqualTo(run.statistics().get(1).replicates());
    assertThat(saved.columns()).containsExactly(List.of("x"), List.of("x"));
    assertThat(rows).hasSize(1 + 200);
    for (int i = 0; i < 200; i++) {
      for (int s = 0; s < 2; s++) {
        assertThat(Double.parseDouble(rows.get(1 + i).getField(s))).isEqualTo(run.statistics().get(s).replicate(i));
      }
    }
  }

  @Test
  void write_nanReplicate_isWrittenAsNaN() throws IOException {
    final Path f = dir.resolve("r.csv");
    ReplicatesCsv.write(f, Results.undefined());
    assertThat(Files.readString(f)).isEqualTo("\"std(temp_max, ddof=0)\"\n1.5\nNaN\n2.5\n");
  }

  @Test
  void write_targetIsDirectory_throwsNamingItAndLeavesNoTempFile() throws IOException {
    final Path target = Files.createDirectories(dir.resolve("taken"));
    Files.writeString(target.resolve("inside"), "keep");
    assertThatThrownBy(() -> ReplicatesCsv.write(target, Results.run()))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("cannot write the replicates to " + target + " (");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("taken");
    }
  }
}
