package org.parboot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.Messages;
import org.parboot.NonFiniteReplicatesException;
import org.parboot.StatisticFailedException;
import org.parboot.report.ReproducibilityException;
import static picocli.CommandLine.ScopeType.INHERIT;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code parboot} command. Exit codes: 0 success, 1 internal failure (or a statistic threw),
 * 2 bad input or usage, 124 time limit, 130 interrupted. Errors are one line on standard error;
 * {@code --debug} adds the stack trace.
 */
@Command(name = "parboot", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, versionProvider = Main.Version.class,
    description = "Fast, reproducible, parallel bootstrap resampling.")
public final class Main implements Runnable {

  /** Exit code: bad input or usage. */
  public static final int EXIT_USAGE = 2;
  /** Exit code: internal failure. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code: interrupted (Ctrl-C), as shells report SIGINT. */
  public static final int EXIT_INTERRUPTED = 130;
  /** Exit code: the time limit passed, as timeout(1). */
  public static final int EXIT_TIMEOUT = 124;

  @Option(names = "--debug", scope = INHERIT, description = "Print stack traces of errors.")
  boolean debug;

  @Spec
  CommandSpec spec;

  /**
   * The subcommands. picocli's model of a command costs start-up time (reflection over every
   * option of its mixins), so a command line that names one gets only that one built; anything
   * else (no command, help, a misspelling) gets them all, for the help text and suggestions.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("run", RunCommand::new);
    COMMANDS.put("test", TestCommand::new);
    COMMANDS.put("ci", CiCommand::new);
    COMMANDS.put("demo", DemoCommand::new);
    COMMANDS.put("bench", BenchCommand::new);
    COMMANDS.put("help", CommandLine.HelpCommand::new);
  }

  /** The command line for these arguments, with the subcommands they need. */
  static CommandLine commandLine(String[] args) {
    final CommandLine cl = new CommandLine(new Main());
    String named = null;
    for (String a : args == null ? new String[0] : args) {
      if (!a.startsWith("-")) { // parboot's own options (--debug, --help, --version) take no value
        named = a;
        break;
      }
    }
    if (named != null && !named.equals("help") && COMMANDS.containsKey(named)) {
      cl.addSubcommand(named, COMMANDS.get(named).get());
    } else {
      COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
    }
    return cl;
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: run, demo or bench (see parboot --help)");
  }

  /**
   * Runs the command line in-process and returns the exit code (never calls System.exit);
   * standard input counts as a terminal, so a run with no FILE uses the bundled data.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, Stdin.terminal(), out, err, false);
  }

  /**
   * Runs the command line with the given standard input. {@code process}: this is the JVM's one
   * command (signals stop it; a stop that the command cannot finish in time halts the JVM).
   */
  static int execute(String[] args, Stdin stdin, PrintWriter out, PrintWriter err, boolean process) {
    final CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOverwrittenOptionsAllowed(true); // a repeated option: the last one wins
    cl.setParameterExceptionHandler(Main::onParameterError);
    try (CommandScope scope = CommandScope.open(err, process, stdin)) {
      final Errors errors = new Errors(scope);
      cl.setExecutionExceptionHandler(errors);
      int code;
      try {
        code = cl.execute(args);
      } catch (Error e) {
        // picocli hands only Exceptions to the handler; an Error (out of memory, a missing class)
        // still gets one line and exit 1.
        code = errors.report(e, cl.getErr(), args != null && java.util.Arrays.asList(args).contains("--debug"));
      }
      // A stop that came after the command's last check (during its commit, say) still decides
      // the exit: the user asked the command to stop.
      return scope.stopped().map(stop -> errors.reportStop(stop, err)).orElse(code);
    }
  }

  public static void main(String[] args) {
    Signals.install();
    final StandardOutput stdout = StandardOutput.ofProcess();
    final PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = execute(args, Stdin.ofProcess(), stdout.writer(), err, true);
    code = stdout.finish(code, err);
    err.flush();
    awaitStderrRelay();
    System.exit(code);
  }

  /**
   * When the launcher relays standard error (it drops the JVM's incubator notice:
   * {@code -Dparboot.stderr=relayed}, bin/launch.sh), closes it and waits, at most two seconds,
   * for the relay to pass the last bytes on and end: then nothing is printed after the command
   * has returned, and a file that standard error was redirected to is complete when it has.
   */
  static void awaitStderrRelay() {
    if (!"relayed".equals(System.getProperty("parboot.stderr"))) {
      return;
    }
    System.err.flush();
    System.err.close();
    final long deadline = System.nanoTime() + 2_000_000_000L;
    for (ProcessHandle relay : ProcessHandle.current().children().toList()) {
      try {
        relay.onExit().get(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return; // exit anyway: the relay still gets everything that was written
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * One line for a usage error, naming what is wrong, picocli's suggestions for a misspelt
   * command or option, and where the help is: {@code parboot: unknown command 'rn'; did you mean
   * run? (see parboot --help)}.
   */
  private static int onParameterError(ParameterException e, String[] args) {
    final CommandLine cl = e.getCommandLine();
    final PrintWriter err = cl.getErr();
    String message = String.valueOf(e.getMessage());
    if (e instanceof UnmatchedArgumentException u) {
      final List<String> unmatched = u.getUnmatched();
      final String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      final boolean option = u.isUnknownOption();
      final boolean command = !option && cl.getParent() == null && !cl.getSubcommands().isEmpty();
      message = (option ? "unknown option " : command ? "unknown command " : "unexpected argument ")
          + Messages.quote(first);
      final List<String> suggestions = closest(first, option ? cl.getCommandSpec().optionsMap().keySet()
          : cl.getSubcommands().keySet());
      if (!suggestions.isEmpty()) {
        message += "; did you mean " + String.join(" or ", suggestions) + "?";
      }
    }
    err.println("parboot: " + Messages.escape(message.replace('\n', ' ')) + " (see "
        + cl.getCommandSpec().qualifiedName() + " --help)");
    err.flush();
    return EXIT_USAGE;
  }

  /**
   * The candidates nearest to a misspelt word: those it is a prefix of, else those at the
   * smallest edit distance (insertions, deletions, substitutions, swaps of neighbours), if that
   * is at most a third of the word's length (at least 2); at most three, in their order.
   */
  static List<String> closest(String word, java.util.Collection<String> candidates) {
    final String w = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
    final List<String> prefixed = candidates.stream().filter(c -> c.startsWith(w) && w.length() > 2).sorted().toList();
    if (!prefixed.isEmpty()) {
      return prefixed.subList(0, Math.min(3, prefixed.size()));
    }
    final int limit = Math.max(2, w.length() / 3);
    int best = Integer.MAX_VALUE;
    final List<String> out = new java.util.ArrayList<>();
    for (String c : candidates.stream().sorted().toList()) {
      final int d = distance(w, c);
      if (d < best) {
        best = d;
        out.clear();
      }
      if (d == best) {
        out.add(c);
      }
    }
    return best <= limit ? out.subList(0, Math.min(3, out.size())) : List.of();
  }

  /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
  private static int distance(String a, String b) {
    final int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static boolean debug(CommandLine cl) {
    CommandLine c = cl;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return ((Main) c.getCommand()).debug;
  }

  /**
   * Maps each failure to a one-line message and an exit code. Once the command was stopped (a
   * signal, the time limit), every failure is a consequence of the stop (a read or write cut
   * short, a cancelled run), and the stop's line and code are what is reported.
   */
  static final class Errors implements IExecutionExceptionHandler {
    private final CommandScope scope;

    Errors(CommandScope scope) {
      this.scope = scope;
    }

    /** Prints the stop's line (once per command) and returns its exit code. */
    int reportStop(CommandScope.Stop stop, PrintWriter err) {
      if (scope.claimReport()) {
        err.println("parboot: " + stop.message());
        err.flush();
      }
      return stop.exitCode();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
      return report(e, cl.getErr(), debug(cl));
    }

    int report(Throwable e, PrintWriter err, boolean debug) {
      final java.util.Optional<CommandScope.Stop> stop = scope.stopped();
      if (stop.isPresent()) {
        if (debug) {
          e.printStackTrace(err);
        }
        return reportStop(stop.get(), err);
      }
      final int code;
      final String message;
      switch (e) {
        case InvalidInputException x -> {
          code = EXIT_USAGE;
          message = Flags.message(x);
        }
        case CancelledException x -> {
          code = x.timedOut() ? EXIT_TIMEOUT : EXIT_INTERRUPTED;
          message = x.timedOut() ? "stopped: the time limit passed" : "interrupted";
        }
        case ReproducibilityException x -> {
          code = EXIT_FAILURE;
          message = "REPRODUCIBILITY FAILURE: " + x.getMessage();
        }
        case NonFiniteReplicatesException x -> {
          code = EXIT_FAILURE;
          message = Flags.message(x);
        }
        case StatisticFailedException x -> {
          code = EXIT_FAILURE;
          message = x.getMessage();
        }
        default -> {
          code = EXIT_FAILURE;
          message = (e instanceof OutOfMemoryError ? "out of memory (raise the heap with PARBOOT_JAVA_OPTS=-Xmx...): "
              : "internal error: ") + e + (debug ? "" : " (run with --debug for the stack trace)");
        }
      }
      if (scope.claimReport()) {
        err.println("parboot: " + Messages.escape(String.valueOf(message).replace('\n', ' ')));
      }
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return code;
    }
  }

  /**
   * {@code parboot 0.1.0 (commit 94c90f6a5136)}, then the JVM and the index draw. The version and
   * commit come from {@code build.properties}, which the build fills in ({@code commit unknown}
   * when the sources were not a git checkout; {@code , modified} when the checkout had changes).
   */
  /**
   * A report's provenance: this parboot's version line and the command line that repeats the run
   * (the arguments as given, with {@code --seed} added when the run drew its seed).
   */
  static org.parboot.report.Provenance provenance(CommandSpec spec, org.parboot.BootstrapOptions options) {
    final ParseResult parsed = spec.root().commandLine().getParseResult();
    final List<String> args = parsed == null ? List.of() : parsed.originalArgs();
    return org.parboot.report.Provenance.of(Version.line(Version.buildProperties()), args, options.seed(),
        options.seedGiven());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {line(buildProperties()), "JVM: " + Runtime.version(),
          "SIMD (--simd; by default for runs of at least 2^28 draws): " + org.parboot.Bootstrap.simdKernels()};
    }

    /** The first line of {@code --version} for these build properties. */
    static String line(java.util.Properties build) {
      final String commit = build.getProperty("commit", "unknown");
      return "parboot " + build.getProperty("version", "(version unknown)") + " (commit " + commit
          + (Boolean.parseBoolean(build.getProperty("dirty")) ? ", modified" : "") + ")";
    }

    static java.util.Properties buildProperties() {
      final java.util.Properties p = new java.util.Properties();
      try (java.io.InputStream in = Main.class.getResourceAsStream("build.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (java.io.IOException e) {
        // the line then says "version unknown": --version must not fail
      }
      return p;
    }
  }
}
