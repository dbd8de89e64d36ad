package org.parboot.cli;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.stat.CustomStatistic;
import org.parboot.stat.Statistic;

/**
 * Statistics written in Java, from the command line: {@code --stat-class NAME} loads a compiled
 * class (from {@code --classpath}), {@code --stat-source FILE.java} compiles a source file first
 * (with {@code javax.tools}, where the Java runtime has the compiler). The class is public, has a
 * public no-argument constructor, and implements one of
 * <ul>
 *   <li>{@code java.util.function.ToDoubleFunction<double[]>}: a statistic of one column's
 *       resampled values, computed on each {@code --column}, labelled {@code Name(column)};</li>
 *   <li>{@link CustomStatistic.SampleFunction} ({@code double apply(double[][] columns)}): a
 *       statistic of all the {@code --column}s resampled together as rows.</li>
 * </ul>
 * One instance serves every thread, so it must keep no state between calls. Such a statistic is
 * evaluated on the gathered resample (draw order) and its BCa jackknife takes n evaluations.
 */
final class UserStatistics {
  /** What a user class must be, for messages. */
  static final String ACCEPTED = "a public class with a public no-argument constructor implementing "
      + "java.util.function.ToDoubleFunction<double[]> (one column) or org.parboot.stat.CustomStatistic.SampleFunction "
      + "(the columns as rows)";

  private UserStatistics() {}

  /**
   * The statistics of the classes and sources, on the default columns.
   *
   * @throws InvalidInputException naming the flag and the class or file: not found, not loadable,
   *     not compilable (the first error with its line and column), or not a statistic
   */
  static List<Statistic> load(List<String> classes, List<Path> sources, String classpath, List<String> defaultColumns)
      throws IOException {
    if (classes.isEmpty() && sources.isEmpty()) {
      if (classpath != null) {
        throw new InvalidInputException("--classpath is given without --stat-class or --stat-source; accepted: "
            + "--classpath with --stat-class NAME");
      }
      return List.of();
    }
    if (defaultColumns.isEmpty()) {
      throw new InvalidInputException("--stat-class and --stat-source need the columns to compute on; accepted: "
          + "--column NAME (repeatable)");
    }
    final List<URL> urls = new ArrayList<>();
    final List<String> entries = new ArrayList<>();
    if (classpath != null) {
      for (String entry : classpath.split(File.pathSeparator, -1)) {
        final Path p = Path.of(entry.isEmpty() ? "." : entry);
        if (!Files.exists(p)) {
          throw new InvalidInputException("--classpath " + Messages.quote(entry) + ": no such file or directory; "
              + "accepted: jar files and class directories separated by '" + File.pathSeparator + "'");
        }
        urls.add(url(p));
        entries.add(p.toString());
      }
    }
    final List<String> names = new ArrayList<>(classes);
    if (!sources.isEmpty()) {
      final Path out = Files.createTempDirectory("parboot-stat-");
      deleteOnExit(out);
      for (Path source : sources) {
        names.add(compile(source, out, entries));
      }
      urls.add(url(out));
    }
    // Not closed: the statistics' classes are used until the run ends, and the JVM ends with it.
    final ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), UserStatistics.class.getClassLoader());
    final List<Statistic> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      final String flag = i < classes.size() ? "--stat-class " + Messages.quote(names.get(i))
          : "--stat-source " + Messages.quote(sources.get(i - classes.size()).toString());
      out.addAll(statistics(flag, names.get(i), loader, defaultColumns));
    }
    return out;
  }

  /**
   * Compiles one source file (see {@link SourceCompiler}); a runtime without the {@code java.compiler}
   * module cannot even load the compiler's API, and is told so in the same words as one without javac.
   */
  private static String compile(Path source, Path out, List<String> classpath) throws IOException {
    try {
      return SourceCompiler.compile(source, out, classpath);
    } catch (NoClassDefFoundError e) {
      throw SourceCompiler.noCompiler("--stat-source " + Messages.quote(source.toString()));
    }
  }

  private static URL url(Path p) {
    try {
      return p.toAbsolutePath().toUri().toURL();
    } catch (MalformedURLException e) {
      throw new InvalidInputException("--classpath " + Messages.quote(p.toString()) + ": " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Statistic> statistics(String flag, String name, ClassLoader loader, List<String> columns) {
    final Class<?> type;
    try {
      type = Class.forName(name, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InvalidInputException(flag + ": " + (e instanceof ClassNotFoundException ? "no such class"
          : "the class cannot be loaded (" + e + ")") + " on the class path; accepted: " + ACCEPTED
          + ", on --classpath");
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new InvalidInputException(flag + ": " + type.getName() + " is not a public concrete class; accepted: "
          + ACCEPTED);
    }
    final Object instance;
    try {
      final Constructor<?> c = type.getConstructor();
      instance = c.newInstance();
    } catch (NoSuchMethodException e) {
      throw new InvalidInputException(flag + ": " + type.getName() + " has no public no-argument constructor; "
          + "accepted: " + ACCEPTED);
    } catch (InvocationTargetException e) {
      throw new InvalidInputException(flag + ": the constructor of " + type.getName() + " threw " + e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new InvalidInputException(flag + ": " + type.getName() + " cannot be made: " + e);
    }
    final String label = type.getSimpleName();
    return switch (instance) {
      case CustomStatistic.SampleFunction f -> List.of(Statistic.custom(label, columns, f));
      case ToDoubleFunction<?> f -> columns.stream()
          .map(c -> Statistic.custom(label, c, (ToDoubleFunction<double[]>) f)).toList();
      default -> throw new InvalidInputException(flag + ": " + type.getName() + " implements neither "
          + "ToDoubleFunction<double[]> nor CustomStatistic.SampleFunction; accepted: " + ACCEPTED);
    };
  }

  private static void deleteOnExit(Path dir) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory left behind
      }
    }, "parboot-stat-cleanup"));
  }
}
