package org.parboot.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * SIGINT, SIGTERM and SIGHUP for the {@code parboot} process: each stops the running command
 * ({@link CommandScope#stop}), which ends it with one line and exit code 128 + the signal's
 * number (130, 143, 129) in whatever phase it is, with no output changed unless the commit had
 * begun.
 *
 * <p>Handled with {@code sun.misc.Signal} (module {@code jdk.unsupported}, the supported way for
 * a JVM program to handle a signal itself), looked up by reflection so the build has no
 * proprietary-API warning. Without it, the JVM's default (shutdown hooks, then exit) applies. A
 * signal the process inherited as ignored stays ignored, as POSIX asks of a program started in
 * the background ({@code nohup}, {@code &} in a non-interactive shell).
 */
final class Signals {
  /** The signals handled, with their numbers on Linux and macOS. */
  private static final List<String> NAMES = List.of("INT", "TERM", "HUP");

  private Signals() {}

  /** Installs the handlers (once per process; only {@link Main#main} calls it). */
  static void install() {
    final Class<?> signalClass;
    final Class<?> handlerClass;
    try {
      signalClass = Class.forName("sun.misc.Signal");
      handlerClass = Class.forName("sun.misc.SignalHandler");
    } catch (ClassNotFoundException | LinkageError e) {
      return; // no jdk.unsupported: the JVM's own handling stays
    }
    for (String name : NAMES) {
      try {
        install(signalClass, handlerClass, name);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // a signal the JVM reserves on this platform: leave it to the JVM
      }
    }
  }

  private static void install(Class<?> signalClass, Class<?> handlerClass, String name)
      throws ReflectiveOperationException {
    final Object signal = signalClass.getConstructor(String.class).newInstance(name);
    final int number = (int) signalClass.getMethod("getNumber").invoke(signal);
    final Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
    final InvocationHandler onSignal = (proxy, method, args) -> {
      if (method.getName().equals("handle")) {
        onSignal(name, number);
        return null;
      }
      return switch (method.getName()) {
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        case "toString" -> "parboot SIG" + name + " handler";
        default -> null;
      };
    };
    final Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
        onSignal);
    final Object previous = handle.invoke(null, signal, handler);
    if (previous == handlerClass.getField("SIG_IGN").get(null)) {
      handle.invoke(null, signal, previous); // ignored when the process started: keep it so
    }
  }

  private static void onSignal(String name, int number) {
    final CommandScope.Stop stop = CommandScope.Stop.signal(name, number);
    CommandScope.ofProcess().ifPresentOrElse(s -> s.stop(stop), () -> Runtime.getRuntime().halt(stop.exitCode()));
  }
}
