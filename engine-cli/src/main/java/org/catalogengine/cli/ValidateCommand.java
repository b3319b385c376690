package org.catalogengine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.catalogengine.model.CanonicalJson;
import org.catalogengine.model.EntityValidator;
import org.catalogengine.model.ValidationProblem;
import org.catalogengine.model.ValidationResult;
import org.catalogengine.spi.processor.DescriptorParser;
import org.catalogengine.spi.processor.ParsedDocument;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code catalog validate}: parses descriptor files and validates every entity in them, offline.
 *
 * <p>Each PATH is a file or a directory; directories are searched recursively for {@code *.yaml}, {@code *.yml}
 * and {@code *.json}, in sorted order. Placeholders such as {@code $text} are left unresolved (they need the
 * file's location to be read). Exit code 0 when every document is a valid entity, 1 when any problem was found,
 * 2 on a usage error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = CatalogCommand.Version.class,
    description = "Validate catalog descriptor files (YAML or JSON) without a database.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every entity is valid", "1:problems were found", "2:usage error"})
final class ValidateCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json }

  /** The rule reported for documents the parser could not turn into an entity (spec B2). */
  static final String PARSE_RULE = "B2";

  @Spec
  CommandSpec spec;

  @ParentCommand
  CatalogCommand parent;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Descriptor files or directories to validate.")
  List<Path> paths = List.of();

  @Override
  public Integer call() {
    Path cwd = parent.workingDirectory();
    List<Path> files = collectFiles(cwd);
    DescriptorParser parser = DescriptorParser.defaults();
    // No reader runs here, so a $text/$json/$yaml placeholder is accepted as "resolved at ingest".
    EntityValidator validator = EntityValidator.builder().allowUnresolvedPlaceholders(true).build();

    List<Finding> findings = new ArrayList<>();
    int entities = 0;
    int valid = 0;
    int invalid = 0;
    int unreadable = 0;
    for (Path file : files) {
      String shown = display(cwd, file);
      for (ParsedDocument doc : parser.parse(file)) {
        if (doc instanceof ParsedDocument.Failed failed) {
          unreadable++;
          findings.add(new Finding(shown, failed.line(), null, null, PARSE_RULE, failed.message()));
        } else if (doc instanceof ParsedDocument.Parsed parsed) {
          entities++;
          ValidationResult result = validator.validate(parsed.json());
          if (result.valid()) {
            valid++;
            continue;
          }
          invalid++;
          String documentRef = refFromDocument(parsed.json());
          for (ValidationProblem p : result.problems()) {
            String ref = p.ref() != null ? p.ref().toString() : documentRef;
            findings.add(new Finding(shown, parsed.line(), ref, p.field().isEmpty() ? null : p.field(), p.rule(),
                p.message()));
          }
        }
      }
    }

    String summary = summary(files.size(), entities, valid, invalid, unreadable);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(toJson(findings));
      spec.commandLine().getErr().println(summary); // stdout stays pure JSON
    } else {
      for (Finding f : findings) {
        out.println(f.file + ":" + f.line + ": " + (f.entityRef == null ? "" : f.entityRef + ": ") + f.message
            + " [" + f.rule + "]");
      }
      out.println(summary);
    }
    out.flush();
    spec.commandLine().getErr().flush();
    return findings.isEmpty() ? CommandLine.ExitCode.OK : 1;
  }

  /** The files to check: PATHs in the order given, directories expanded in sorted order, duplicates once. */
  private List<Path> collectFiles(Path cwd) {
    Set<Path> files = new LinkedHashSet<>();
    for (Path given : paths) {
      Path path = cwd.resolve(given).normalize();
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          walk.filter(Files::isRegularFile).filter(ValidateCommand::isDescriptor).sorted().forEach(files::add);
        } catch (IOException | UncheckedIOException e) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "cannot read directory " + given + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "PATH not found: " + given + (Files.exists(path) ? " (not a file or directory)" : ""));
      }
    }
    return List.copyOf(files);
  }

  private static boolean isDescriptor(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /** The path relative to the working directory when under it, else absolute. */
  static String display(Path cwd, Path file) {
    return file.startsWith(cwd) && !file.equals(cwd) ? cwd.relativize(file).toString() : file.toString();
  }

  /** {@code kind:namespace/name} from whatever the document has, when the validator could not form a ref. */
  static @Nullable String refFromDocument(JsonNode json) {
    JsonNode kind = json.get("kind");
    JsonNode metadata = json.get("metadata");
    JsonNode name = metadata == null ? null : metadata.get("name");
    if (name == null || !name.isString() || name.stringValue().isEmpty()) {
      return null;
    }
    JsonNode ns = metadata.get("namespace");
    String namespace = ns != null && ns.isString() && !ns.stringValue().isEmpty() ? ns.stringValue() : "default";
    String k = kind != null && kind.isString() && !kind.stringValue().isEmpty() ? kind.stringValue() : "?";
    return k + ":" + namespace + "/" + name.stringValue();
  }

  static String summary(int files, int entities, int valid, int invalid, int unreadable) {
    return "Checked " + plural(files, "file", "files") + ", " + plural(entities, "entity", "entities") + ": "
        + valid + " valid, " + invalid + " invalid, " + plural(unreadable, "unreadable document",
        "unreadable documents");
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static String toJson(List<Finding> findings) {
    ArrayNode array = CanonicalJson.MAPPER.createArrayNode();
    for (Finding f : findings) {
      ObjectNode o = array.addObject();
      o.put("file", f.file);
      o.put("line", f.line);
      o.put("entityRef", f.entityRef);
      o.put("severity", "error");
      o.put("field", f.field);
      o.put("rule", f.rule);
      o.put("message", f.message);
    }
    return CanonicalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);
  }

  /** One problem found in one document. */
  private record Finding(String file, int line, @Nullable String entityRef, @Nullable String field, String rule,
      String message) {}
}
