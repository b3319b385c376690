package org.catalogengine.spi.processor;

import tools.jackson.databind.JsonNode;

/**
 * One document of a descriptor file: either its JSON value or the reason it could not be read.
 *
 * @since 0.1 (maintained)
 */
public sealed interface ParsedDocument permits ParsedDocument.Parsed, ParsedDocument.Failed {

  /** Where the document came from: a file path or URL. */
  String source();

  /** The 1-based line at which the document (or the error) starts. */
  int line();

  /** A parsed document. The JSON value may be of any type; it is not yet checked to be an entity. */
  record Parsed(String source, int line, JsonNode json) implements ParsedDocument {}

  /** A document (or the whole file) that could not be parsed, with a message naming the cause. */
  record Failed(String source, int line, String message) implements ParsedDocument {}
}
