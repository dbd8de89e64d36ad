package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** {@code --scheme}, {@code --block-length}, {@code --strata} on {@code run} and {@code bench}. */
class SchemeOptionsTest {

  private static JsonObject json(CliRun r) {
    assertThat(r.code()).as(r.err()).isZero();
    return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("groups").get(0).getAsJsonObject();
  }

  @ParameterizedTest
  @CsvSource({
      "stationary, auto, 'stationary\\(L=[0-9.]+, auto\\)'",
      "circular-block, 12, 'circular-block\\(L=12\\)'",
      "moving-block, auto, 'moving-block\\(L=[0-9]+, auto\\)'",
      "poisson, auto, poisson",
      "balanced, auto, balanced"})
  void run_scheme_reportedInJson(String scheme, String length, String pattern) {
    final CliRun r = CliRun.of("run", "--where", "location=Seattle", "--stat", "mean", "--scheme", scheme,
        "--block-length", length, "--seed", "4", "-B", "300", "--format", "json", "-q");
    assertThat(json(r).get("scheme").getAsString()).matches(pattern);
  }

  @Test
  void run_stationaryAuto_seattleTempMaxUsesThePolitisWhiteLength() {
    // block_length.csv: seattle_temp_max stationary = 72.14839968615014
    final CliRun r = CliRun.of("run", "--where", "location=Seattle", "--scheme", "stationary", "--seed", "4",
        "-B", "200", "--format", "json", "-q");
    assertThat(json(r).get("scheme").getAsString()).isEqualTo("stationary(L=72.15, auto)");
  }

  @Test
  void run_strataLocation_namesTheStrata() {
    final CliRun r = CliRun.of("run", "--strata", "location", "--seed", "4", "-B", "300", "--format", "json", "-q");
    assertThat(json(r).get("scheme").getAsString()).isEqualTo("iid(strata=location, 2 strata)");
  }

  @Test
  void bench_scheme_accepted() {
    final CliRun r = CliRun.of("bench", "--scheme", "poisson", "--executors", "serial", "--runs", "1", "--warmups", "0",
        "-B", "100", "--seed", "1", "-q");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--scheme|blocks|--scheme 'blocks' is unknown; accepted: iid, moving-block, circular-block, stationary, poisson, balanced",
      "--block-length|zero|--block-length 'zero' is not accepted; accepted: a whole number from 1 to the number of rows, or auto",
      "--block-length|0|--block-length '0' is not accepted",
      "--block-length|7|--block-length 7 does not apply to the iid scheme",
      "--strata|nope|unknown label column 'nope'"})
  void run_badSchemeFlags_exitTwoNamingTheFlag(String flag, String value, String message) {
    final CliRun r = CliRun.of("run", "-B", "100", flag, value);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(message);
  }
}
