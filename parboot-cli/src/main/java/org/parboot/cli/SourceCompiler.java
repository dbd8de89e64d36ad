package org.parboot.cli;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.parboot.InvalidInputException;
import org.parboot.Messages;

/**
 * {@code --stat-source}: compiles a statistic's source file with the runtime's own compiler
 * ({@code javax.tools}), against parboot's class path and {@code --classpath}. Loaded only when a
 * source is given, so a runtime without the compiler's module runs everything else.
 */
final class SourceCompiler {
  private SourceCompiler() {}

  /** The compiler, or null where the runtime has none; a seam for tests. */
  static java.util.function.Supplier<JavaCompiler> compiler = ToolProvider::getSystemJavaCompiler;

  /** The message for a runtime without a compiler. */
  static InvalidInputException noCompiler(String flag) {
    return new InvalidInputException(flag + ": this Java runtime has no compiler (javax.tools); accepted: a JDK "
        + "(set JAVA_HOME), or compile it yourself and pass --stat-class NAME --classpath DIR");
  }

  /** Compiles one source file into {@code out}; the binary name of its top-level class. */
  static String compile(Path source, Path out, List<String> classpath) throws IOException {
    final String flag = "--stat-source " + Messages.quote(source.toString());
    if (!Files.isRegularFile(source)) {
      throw new InvalidInputException(flag + ": no such file; accepted: a .java file");
    }
    final String file = source.getFileName().toString();
    if (!file.endsWith(".java")) {
      throw new InvalidInputException(flag + ": not a .java file; accepted: a Java source file named after its "
          + "public class, e.g. Trimean.java");
    }
    final JavaCompiler javac = compiler.get();
    if (javac == null) {
      throw noCompiler(flag);
    }
    final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    final List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-Xlint:none",
        "-classpath", String.join(File.pathSeparator, Stream.concat(
            Stream.of(System.getProperty("java.class.path", "")), classpath.stream()).toList())));
    final StringWriter log = new StringWriter();
    final Path before = out;
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      final boolean ok = javac.getTask(log, files, diagnostics, options, null,
          files.getJavaFileObjects(source.toFile())).call();
      if (!ok) {
        final Diagnostic<? extends JavaFileObject> d = diagnostics.getDiagnostics().stream()
            .filter(x -> x.getKind() == Diagnostic.Kind.ERROR).findFirst().orElse(null);
        throw new InvalidInputException(flag + (d == null ? ": does not compile: " + log.toString().strip()
            : ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": " + d.getMessage(Locale.ROOT))
            + "; accepted: " + UserStatistics.ACCEPTED);
      }
    }
    final String simple = file.substring(0, file.length() - ".java".length());
    try (Stream<Path> found = Files.walk(before)) {
      final List<Path> classes = found.filter(p -> p.getFileName().toString().equals(simple + ".class")).toList();
      if (classes.size() != 1) {
        throw new InvalidInputException(flag + ": no class " + simple + " in it; accepted: a file named after its "
            + "public class");
      }
      final String relative = before.relativize(classes.get(0)).toString();
      return relative.substring(0, relative.length() - ".class".length()).replace(File.separatorChar, '.');
    }
  }

}
