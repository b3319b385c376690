package org.catalogengine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.catalogengine.CatalogEngine;
import org.catalogengine.jdbc.JdbcCatalogStore;
import org.catalogengine.model.Entity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code catalog export}: every final entity as one canonical (key-sorted) JSON line, sorted by ref. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    versionProvider = CatalogCommand.Version.class,
    description = "Print every stitched entity of a catalog database as one JSON line, sorted by ref.")
final class ExportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @ParentCommand
  CatalogCommand parent;

  @Mixin
  StoreOptions storeOptions = new StoreOptions();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (JdbcCatalogStore store = storeOptions.open(parent.workingDirectory())) {
      CatalogEngine engine = CatalogEngine.builder().store(store).build();
      for (Entity e : (Iterable<Entity>) engine.entities()::iterator) {
        out.println(e.canonicalJson());
      }
    }
    out.flush();
    return CommandLine.ExitCode.OK;
  }
}
