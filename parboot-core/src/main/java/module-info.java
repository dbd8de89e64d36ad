/**
 * parboot's bootstrap engine: data, statistics, resampling schemes, random streams, executors,
 * intervals, and the {@link org.parboot.Bootstrap} entry points. No I/O.
 *
 * <p>Exported (the API): {@code org.parboot} (entry points, options, results, exceptions),
 * {@code data}, {@code stat} (statistic definitions), {@code spec} (the command line's statistic
 * spellings), {@code scheme}, {@code ci} (interval methods), {@code exec} (executors and the run
 * control), {@code rng} (the reproducibility contract: streams and seed derivations),
 * {@code batch} (grouped runs). Not exported: {@code engine} (the run loop, kernels, jackknife,
 * memory budget), {@code eval} (evaluation plans, power sums, rank counts) and {@code resample}
 * (the resamplers behind the schemes).
 */
module org.parboot.core {
  requires org.apache.commons.statistics.distribution;
  // No "requires jdk.incubator.vector", not even static: a JDK without the module could not
  // compile this declaration. The optional SIMD kernels are compiled reading it (core's POM), and
  // org.parboot.simd.Simd adds the read edge at run time when the JVM has the module.

  exports org.parboot;
  exports org.parboot.batch;
  exports org.parboot.ci;
  exports org.parboot.data;
  exports org.parboot.exec;
  exports org.parboot.rng;
  exports org.parboot.scheme;
  exports org.parboot.spec;
  exports org.parboot.stat;
}
