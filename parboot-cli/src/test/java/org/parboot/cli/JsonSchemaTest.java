package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of JSON parboot writes has the one documented shape: each is validated against
 * docs/result.schema.json (JSON Schema 2020-12, validated by networknt's json-schema-validator).
 */
class JsonSchemaTest {
  private static final Path SCHEMA = Path.of("..", "docs", "result.schema.json").toAbsolutePath().normalize();
  private static final Path PARQUET = Path.of("..", "parboot-io", "src", "test", "resources", "org", "parboot", "io",
      "parquet").toAbsolutePath().normalize();

  private static Schema schema;

  @TempDir
  Path dir;

  @BeforeAll
  static void loadSchema() throws IOException {
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
  }

  private static void assertValid(String json) {
    final List<Error> errors = schema.validate(json, InputFormat.JSON);
    assertThat(errors).as(json).isEmpty();
    assertThat(json).contains("\"format_version\": 1,");
  }

  private static String run(String... args) {
    final CliRun r = CliRun.of(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out();
  }

  @Test
  void singleRun_json_matchesTheSchema() {
    assertValid(run("run", "--stat", "mean", "--stat", "median", "--ci", "all", "--seed", "1", "-B", "200", "-q",
        "--format", "json"));
  }

  @Test
  void oneSidedAndWeightedRun_json_matchesTheSchema() throws IOException {
    final Path f = Files.writeString(dir.resolve("w.csv"), "x,w\n1,1\n2,3\n3,0.5\n4,2\n5,1\n");
    final String json = run("run", f.toString(), "-c", "x", "--weights", "w", "--stat", "mean", "--ci", "percentile,bca",
        "--alternative", "less", "--seed", "1", "-B", "200", "-q", "--format", "json");
    assertValid(json);
    assertThat(json).contains("\"alternative\": \"less\"").contains("\"low\": null").contains("\"weights\": \"w\"");
  }

  @Test
  void groupedRun_json_matchesTheSchema() {
    assertValid(run("run", "--group-by", "location", "--stat", "mean", "--seed", "1", "-B", "200", "-q", "--format", "json"));
  }

  @Test
  void severalFiles_json_matchesTheSchema() throws IOException {
    final Path a = Files.writeString(dir.resolve("a.csv"), "x\n1\n2\n3\n5\n");
    final Path b = Files.writeString(dir.resolve("b.csv"), "x\n4\n4\n6\n9\n");
    assertValid(run("run", a.toString(), b.toString(), PARQUET.resolve("nulls.parquet").toString(), "-c", "x",
        "--seed", "1", "-B", "200", "-q", "--format", "json"));
  }

  @Test
  void comparison_json_matchesTheSchemaWithItsComparisonMember() {
    final String json = run("run", "--compare", "location=Seattle,New York", "--stat", "mean", "--seed", "1", "-B", "200",
        "-q", "--format", "json");
    assertValid(json);
    assertThat(json).contains("\"comparison\": {");
  }

  @Test
  void undefinedIntervals_nullEndpoints_matchTheSchema() throws IOException {
    // every replicate equal: warnings, and a BCa whose acceleration is undefined (null endpoints)
    final Path f = Files.writeString(dir.resolve("same.csv"), "x\n2\n2\n2\n2\n");
    assertValid(run("run", f.toString(), "-c", "x", "--seed", "1", "-B", "100", "-q", "--format", "json"));
  }

  @Test
  void demoSummary_json_matchesTheSchema() throws IOException {
    final Path out = dir.resolve("demo");
    final CliRun r = CliRun.of("demo", "-B", "200", "--runs", "1", "--warmups", "0", "--output", out.toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
    final String json = Files.readString(out.resolve("summary.json"));
    assertValid(json);
    assertThat(json).contains("\"timing\": {").contains("\"machine\": {");
  }

  @Test
  void bench_json_matchesTheSchema() throws IOException {
    final Path out = dir.resolve("bench.json");
    final CliRun r = CliRun.of("bench", "--stat", "mean", "-B", "100", "--seed", "1", "--executors", "serial,forkjoin",
        "--threads", "1,2", "--runs", "1", "--warmups", "0", "--format", "json", "--output", out.toString(), "-q");
    assertThat(r.code()).as(r.err()).isZero();
    assertValid(Files.readString(out));
  }

  @Test
  void pairedComparison_json_matchesTheSchema() {
    assertValid(run("run", "--compare", "location=Seattle,New York", "--pair-by", "date", "--scheme", "stationary",
        "--stat", "mean", "--null", "0", "--ci", "percentile,bca", "--seed", "1", "-B", "200", "-q", "--format", "json"));
  }

  @Test
  void adaptiveRun_json_matchesTheSchema() {
    assertValid(run("run", "--stat", "mean", "--resamples", "auto", "--mc-error", "5%", "--seed", "1", "-q",
        "--format", "json"));
  }

  @Test
  void permutationTest_json_matchesItsSchema() throws IOException {
    final Schema test = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA.resolveSibling("test.schema.json")), InputFormat.JSON);
    for (String json : List.of(
        run("test", "--compare", "location=Seattle,New York", "--stat", "mean", "--stat", "median", "-B", "99",
            "--seed", "1", "-q", "--format", "json"),
        run("test", Files.writeString(dir.resolve("d.csv"), "d\n1\n-2\n3\n").toString(), "--permutation-type",
            "samples", "--stat", "mean(d)", "--alternative", "less", "-q", "--format", "json"))) {
      assertThat(test.validate(json, InputFormat.JSON)).as(json).isEmpty();
      assertThat(test.validate(json.replace("\"format_version\": 1,", "\"format_version\": 1, \"extra\": 0,"),
          InputFormat.JSON)).isNotEmpty();
    }
  }

  @Test
  void schema_documentWithoutFormatVersionOrWithAnUnknownMember_isRejected() {
    final String json = run("run", "--seed", "1", "-B", "100", "-q", "--format", "json");
    assertThat(schema.validate(json.replace("\"format_version\": 1,", ""), InputFormat.JSON)).isNotEmpty();
    assertThat(schema.validate(json.replace("\"format_version\": 1,", "\"format_version\": 1, \"extra\": 0,"),
        InputFormat.JSON)).isNotEmpty();
  }
}
