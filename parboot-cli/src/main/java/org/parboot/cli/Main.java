package org.parboot.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.parboot.CancelledException;
import org.parboot.InvalidInputException;
import org.parboot.NonFiniteReplicatesException;
import org.parboot.StatisticFailedException;
import org.parboot.report.ReproducibilityException;
import static picocli.CommandLine.ScopeType.INHERIT;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code parboot} command. Exit codes: 0 success, 1 internal failure (or a statistic threw),
 * 2 bad input or usage, 124 time limit, 130 interrupted. Errors are one line on standard error;
 * {@code --debug} adds the stack trace.
 */
@Command(name = "parboot", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
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

  /** Runs the command line and returns the exit code (never calls System.exit). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    final CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOverwrittenOptionsAllowed(true); // a repeated option: the last one wins
    cl.setParameterExceptionHandler(Main::onParameterError);
    final Errors errors = new Errors();
    cl.setExecutionExceptionHandler(errors);
    try {
      return cl.execute(args);
    } catch (Error e) {
      // picocli hands only Exceptions to the handler; an Error (out of memory, a missing class)
      // still gets one line and exit 1.
      return errors.report(e, cl.getErr(), args != null && java.util.Arrays.asList(args).contains("--debug"));
    }
  }

  public static void main(String[] args) {
    Interrupts.install();
    int code;
    try {
      code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    } finally {
      Interrupts.finished();
    }
    System.exit(code);
  }

  private static int onParameterError(ParameterException e, String[] args) {
    final CommandLine cl = e.getCommandLine();
    final PrintWriter err = cl.getErr();
    err.println("parboot: " + e.getMessage());
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return EXIT_USAGE;
  }

  private static boolean debug(CommandLine cl) {
    CommandLine c = cl;
    while (c.getParent() != null) {
      c = c.getParent();
    }
    return ((Main) c.getCommand()).debug;
  }

  /** Maps each failure to a one-line message and an exit code. */
  static final class Errors implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
      return report(e, cl.getErr(), debug(cl));
    }

    int report(Throwable e, PrintWriter err, boolean debug) {
      final int code;
      final String message;
      switch (e) {
        case InvalidInputException x -> {
          code = EXIT_USAGE;
          message = x.getMessage();
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
          message = x.getMessage();
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
      err.println("parboot: " + String.valueOf(message).replace('\n', ' '));
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return code;
    }
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      final String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"parboot " + (v == null ? "(development build)" : v), "JVM: " + Runtime.version(),
          "index draw: " + org.parboot.rng.ResampleStreams.drawImplementation()};
    }
  }
}
