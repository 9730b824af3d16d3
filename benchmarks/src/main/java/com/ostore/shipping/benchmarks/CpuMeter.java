package com.ostore.shipping.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent by one process, or by a PostgreSQL server with all its backends, read from
 * {@code /proc}: where the work of a request goes (service, database, load driver) on a machine whose
 * cores they share.
 */
final class CpuMeter {
  /** Linux reports process times in clock ticks of 1/100 s on every common kernel configuration. */
  private static final double TICK_MILLIS = 10.0;

  private final long pid;
  private final boolean withChildren;

  private CpuMeter(long pid, boolean withChildren) {
    this.pid = pid;
    this.withChildren = withChildren;
  }

  static CpuMeter process(long pid) {
    return new CpuMeter(pid, false);
  }

  /** The PostgreSQL server listening on {@code port}: its postmaster and every backend it forked. */
  static CpuMeter postgresOnPort(int port) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      long postmaster = processes.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> commandLine(p).contains("postgres") && commandLine(p).contains("-p " + port + " "))
          .mapToLong(p -> Long.parseLong(p.getFileName().toString())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL server on port " + port));
      return new CpuMeter(postmaster, true);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** CPU milliseconds used so far (user and system). */
  double millis() {
    double total = ticks(Path.of("/proc", Long.toString(pid))) * TICK_MILLIS;
    if (withChildren) {
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        total += processes.filter(p -> p.getFileName().toString().matches("\\d+"))
            .filter(p -> parentOf(p) == pid).mapToDouble(p -> ticks(p) * TICK_MILLIS).sum();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return total;
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
