package org.catalogengine.benchmarks.jmh;

import java.util.List;
import org.catalogengine.jdbc.internal.dialect.Dialect;
import org.catalogengine.jdbc.internal.operations.read.FilterConditions;
import org.catalogengine.jdbc.internal.operations.read.QueryEntities;
import org.catalogengine.jdbc.internal.schema.Tables;
import org.catalogengine.query.EntityFilter;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Filter-query planning (spec R2), the work a read request does before the database sees it: parsing the
 * {@code filter} query parameters ({@link EntityFilter#parse}), planning the filter into a condition on
 * {@code final_entities} ({@link FilterConditions#of}), and rendering the SQL string of the page query
 * ({@link QueryEntities#query}, limit 100, first page) for a dialect, with jOOQ's {@code DSL.using(dialect).render}
 * and no connection.
 *
 * <p>Workload ({@code filter}): {@code typical} is the catalog UI's component list,
 * {@code kind=component,spec.type=service,spec.lifecycle=production} (one parameter, three statements);
 * {@code large} is three parameters, OR-ed, of five statements each: a repeated key (two values OR-ed), a
 * {@code relations.<type>} statement (answered from the relations table), a bare key (exists) and a plain key; so
 * 12 subqueries. {@code dialect} is {@code SQLITE} or {@code POSTGRES} (quoting and {@code LIMIT} differ). The
 * parameters are constants; {@link #plan} and {@link #render} start from the filter parsed in setup.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar FilterQueryBenchmark
 * java -jar benchmarks/target/benchmarks.jar FilterQueryBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s -prof gc
 * </pre>
 */
public class FilterQueryBenchmark extends JmhDefaults {

  static final String TYPICAL = "typical";
  static final String LARGE = "large";

  /** The catalog UI's list of production services. */
  static final List<String> TYPICAL_PARAMS = List.of("kind=component,spec.type=service,spec.lifecycle=production");

  /** Three OR-ed parameters of five statements: a repeated key, a relation, an exists, a plain key. */
  static final List<String> LARGE_PARAMS = List.of(
      "kind=component,spec.type=service,spec.type=website,relations.ownedby=group:default/team-a,metadata.tags.java",
      "kind=api,spec.lifecycle=production,spec.lifecycle=experimental,relations.partof=system:default/payments,"
          + "metadata.annotations.backstage.io/techdocs-ref",
      "kind=resource,spec.type=database,spec.type=s3-bucket,relations.dependencyof=component:default/checkout,"
          + "spec.system");

  /** How many rows a page asks for. */
  static final int PAGE = 100;

  /** Which filter: {@code typical} or {@code large}. */
  @Param({TYPICAL, LARGE})
  public String filter = TYPICAL;

  /** Which SQL dialect to render: {@code SQLITE} or {@code POSTGRES}. */
  @Param({"SQLITE", "POSTGRES"})
  public String dialect = "SQLITE";

  List<String> params = TYPICAL_PARAMS;
  EntityFilter parsed = EntityFilter.ALL;
  Tables tables = new Tables("", null);
  DSLContext dsl = DSL.using(Dialect.SQLITE.sqlDialect());

  /** Picks the parameters, parses them once, and makes a connectionless DSL for the dialect (store settings). */
  @Setup
  public void setup() {
    // jOOQ prints a banner and tips on first use; they would land in the benchmark output
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    params = filter.equals(LARGE) ? LARGE_PARAMS : TYPICAL_PARAMS;
    parsed = EntityFilter.parse(params);
    tables = new Tables("", null);
    dsl = DSL.using(Dialect.valueOf(dialect).sqlDialect(), new Settings()
        .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
        .withRenderSchema(true)
        .withExecuteLogging(false));
  }

  /** The query parameters parsed into a filter. */
  @Benchmark
  public EntityFilter parse() {
    return EntityFilter.parse(params);
  }

  /** The parsed filter planned into a condition on {@code final_entities}. */
  @Benchmark
  public Condition plan() {
    return FilterConditions.of(tables, parsed);
  }

  /** The parsed filter planned and rendered as the page query's SQL string. */
  @Benchmark
  public String render() {
    return dsl.render(QueryEntities.query(tables, parsed, null, PAGE));
  }

  /** All of it, as a request does: parse, plan, render. */
  @Benchmark
  public String parsePlanRender() {
    return dsl.render(QueryEntities.query(tables, EntityFilter.parse(params), null, PAGE));
  }
}
