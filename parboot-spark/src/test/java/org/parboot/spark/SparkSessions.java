package org.parboot.spark;

import org.apache.spark.sql.SparkSession;

/** The tests' one local[2] session (a session takes seconds to start): made on first use, stopped at exit. */
final class SparkSessions {
  private SparkSessions() {}

  private static SparkSession session;

  static synchronized SparkSession local() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("parboot-spark tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      final SparkSession s = session;
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
    }
    return session;
  }
}
