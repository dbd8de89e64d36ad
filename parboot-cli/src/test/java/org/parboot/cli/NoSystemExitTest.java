package org.parboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parboot.Bootstrap;
import org.parboot.io.CsvColumns;
import org.parboot.report.ReportWriter;

/**
 * The libraries (core, io, report) never end the JVM: no compiled class of theirs refers to
 * {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}. Only {@code Main.main}, the
 * command's entry point, may.
 *
 * <p>What this checks, exactly: the method references in each class file's constant pool (read
 * with a small parser, since {@code java.lang.classfile} is not in Java 21). A call made by
 * reflection or through a method handle looked up by name would not be seen; there is none in
 * the sources, which is what a reviewer can check by searching for {@code "exit"}.
 */
class NoSystemExitTest {

  private static final List<String> FORBIDDEN = List.of("java/lang/System.exit", "java/lang/Runtime.exit",
      "java/lang/Runtime.halt");

  @Test
  void libraries_neverReferToSystemExit() throws Exception {
    final List<String> found = new ArrayList<>();
    int classes = 0;
    for (Class<?> module : List.of(Bootstrap.class, CsvColumns.class, ReportWriter.class)) {
      for (ClassBytes c : classesOf(module)) {
        classes++;
        for (String ref : methodRefs(c.bytes())) {
          if (FORBIDDEN.contains(ref)) {
            found.add(c.name() + " -> " + ref);
          }
        }
      }
    }
    assertThat(classes).as("classes scanned").isGreaterThan(50);
    assertThat(found).isEmpty();
  }

  @Test
  void scanner_findsTheOneCallInMain() throws Exception {
    try (InputStream in = Main.class.getResourceAsStream("Main.class")) {
      assertThat(methodRefs(in.readAllBytes())).contains("java/lang/System.exit");
    }
  }

  private record ClassBytes(String name, byte[] bytes) {}

  /** Every class file of the directory or jar that {@code anchor} was loaded from. */
  private static List<ClassBytes> classesOf(Class<?> anchor) throws IOException, URISyntaxException {
    final Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    final List<ClassBytes> out = new ArrayList<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".class")).toList()) {
          out.add(new ClassBytes(root.relativize(p).toString(), Files.readAllBytes(p)));
        }
      }
    } else {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
          final JarEntry entry = e.nextElement();
          if (entry.getName().endsWith(".class")) {
            try (InputStream in = jar.getInputStream(entry)) {
              out.add(new ClassBytes(entry.getName(), in.readAllBytes()));
            }
          }
        }
      }
    }
    return out;
  }

  /** The {@code owner.name} of every Methodref and InterfaceMethodref in a class file's constant pool. */
  static List<String> methodRefs(byte[] classFile) throws IOException {
    final DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    final int count = in.readUnsignedShort();
    final String[] utf8 = new String[count];
    final int[] classNameIndex = new int[count];
    final int[][] refs = new int[count][]; // {classIndex, nameAndTypeIndex}
    final int[] natNameIndex = new int[count];
    for (int i = 1; i < count; i++) {
      final int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // takes two slots
        }
        case 9, 17, 18 -> in.readInt();
        case 10, 11 -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 12 -> {
          natNameIndex[i] = in.readUnsignedShort();
          in.readUnsignedShort();
        }
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    final List<String> out = new ArrayList<>();
    for (int[] r : refs) {
      if (r != null) {
        out.add(utf8[classNameIndex[r[0]]] + "." + utf8[natNameIndex[r[1]]]);
      }
    }
    return out;
  }
}
