package com.ostore.shipping.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * CPU time spent by one process, by a PostgreSQL server with all its backends, or by the whole machine, read
 * from {@code /proc}: where the work of a request goes (service, database, load driver) on a machine whose
 * cores they share, and how much of the machine was left idle.
 */
final class CpuMeter {
  /** Linux reports process times in clock ticks of 1/100 s on every common kernel configuration. */
  private static final double TICK_MILLIS = 10.0;

  private final DoubleSupplier millis;

  private CpuMeter(DoubleSupplier millis) {
    this.millis = millis;
  }

  static CpuMeter process(long pid) {
    return new CpuMeter(() -> ticks(Path.of("/proc", Long.toString(pid))) * TICK_MILLIS);
  }

  /**
   * Every core's busy time together (all but idle and I/O wait), so a measure shows whether the machine was
   * saturated: a server that leaves cores idle under load is held up by waiting, not by CPU.
   */
  static CpuMeter machine() {
    return new CpuMeter(() -> machineBusyTicks() * TICK_MILLIS);
  }

  /** The PostgreSQL server listening on {@code port}: its postmaster and every backend it forked. */
  static CpuMeter postgresOnPort(int port) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      long postmaster = processes.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> commandLine(p).contains("postgres") && commandLine(p).contains("-p " + port + " "))
          .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL server on port " + port));
      return new CpuMeter(() -> withChildren(postmaster));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** CPU milliseconds used so far (user and system). */
  double millis() {
    return millis.getAsDouble();
  }

  private static double withChildren(long pid) {
    double total = ticks(Path.of("/proc", Long.toString(pid))) * TICK_MILLIS;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return total + processes.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> parentOf(p) == pid).mapToDouble(p -> ticks(p) * TICK_MILLIS).sum();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first line of /proc/stat: user, nice, system, idle, iowait, irq, softirq, steal (guest time is in user). */
  private static long machineBusyTicks() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
      String[] fields = lines.findFirst().orElseThrow().trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i <= 8 && i < fields.length; i++) {
        busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
      }
      return busy;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long ticks(Path process) {
    List<String> fields = statFields(process);
    return fields.size() > 13 ? Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12)) : 0;
  }

  private static long parentOf(Path process) {
    List<String> fields = statFields(process);
    return fields.size() > 1 ? Long.parseLong(fields.get(1)) : -1;
  }

  /** The fields of /proc/pid/stat after the command name (which may hold spaces): state, ppid, ... */
  private static List<String> statFields(Path process) {
    try {
      String stat = Files.readString(process.resolve("stat"));
      return List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
    } catch (IOException | RuntimeException gone) {
      return List.of();
    }
  }

  private static String commandLine(Path process) {
    try {
      return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
    } catch (IOException gone) {
      return "";
    }
  }
}
