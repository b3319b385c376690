package org.catalogengine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code catalog} command: the entry point of the command line, holding its subcommands.
 *
 * <pre>{@code
 * catalog validate catalog-info.yaml examples/      # exit 0 when every entity is valid
 * catalog validate --format json services/ > problems.json
 * catalog ingest --db jdbc:sqlite:catalog.db examples/catalog/all.yaml
 * catalog export --db jdbc:sqlite:catalog.db > entities.jsonl
 * catalog --version
 * }</pre>
 *
 * <p>Exit codes: 0 success, 1 problems found (or an internal error), 2 usage error. Output goes to the
 * {@link CommandLine}'s out writer, errors to its err writer, so the command can be driven in-process (see
 * {@link #commandLine(PrintWriter, PrintWriter, Path)}).
 *
 * @since 0.1 (experimental)
 */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    versionProvider = CatalogCommand.Version.class,
    description = "Work with Backstage catalog descriptor files.",
    subcommands = {ValidateCommand.class, IngestCommand.class, ExportCommand.class, CommandLine.HelpCommand.class})
public final class CatalogCommand implements Callable<Integer> {

  private final Path workingDirectory;

  @Spec
  CommandSpec spec;

  /** A command whose relative paths resolve against the given directory. */
  CatalogCommand(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /** The directory relative paths resolve against and printed paths are relative to. */
  Path workingDirectory() {
    return workingDirectory;
  }

  /** Runs {@code catalog} without a subcommand: usage on stderr, exit code 2. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("catalog: missing subcommand");
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  /**
   * A configured command line with the given output writers and working directory.
   *
   * @param out where results go (stdout in the launcher)
   * @param err where errors and usage help go (stderr in the launcher)
   * @param workingDirectory the directory relative paths are resolved against and printed relative to
   * @return the command line; run it with {@link CommandLine#execute(String...)}, which returns the exit code
   */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err, Path workingDirectory) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    CommandLine cmd = new CommandLine(new CatalogCommand(workingDirectory));
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setExecutionExceptionHandler((e, failed, parseResult) -> {
      // An unexpected failure is a bug or an environment problem: one line, not a stack trace.
      failed.getErr().println("catalog " + failed.getCommandName() + ": " + describe(e));
      failed.getErr().flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    return cmd;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }

  /**
   * Runs the command line in this process's working directory with stdout and stderr, then exits with its exit
   * code.
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = commandLine(out, err, Path.of("")).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Reads the version Maven wrote into {@code version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = CatalogCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // fall through to "unknown"
      }
      return new String[] {"catalog " + p.getProperty("version", "unknown") + " (Catalog Engine)"};
    }
  }
}
