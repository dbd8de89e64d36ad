package org.parboot.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end (or a time limit), its output and error merged. */
final class Processes {
  private Processes() {}

  record Result(int code, String output) {}

  static Result run(Path dir, Map<String, String> env, List<String> command, long timeoutSeconds)
      throws IOException, InterruptedException {
    final ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    if (env != null) {
      pb.environment().clear();
      pb.environment().putAll(env);
    }
    final Process p = pb.start();
    p.getOutputStream().close();
    final byte[][] out = new byte[1][];
    final Thread reader = Thread.ofVirtual().start(() -> {
      try {
        out[0] = p.getInputStream().readAllBytes();
      } catch (IOException e) {
        out[0] = ("(output unreadable: " + e + ")").getBytes(StandardCharsets.UTF_8);
      }
    });
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor();
      reader.join();
      return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command + "\n"
          + new String(out[0], StandardCharsets.UTF_8));
    }
    reader.join();
    return new Result(p.exitValue(), new String(out[0], StandardCharsets.UTF_8));
  }
}
