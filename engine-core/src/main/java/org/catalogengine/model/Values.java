package org.catalogengine.model;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Renders offending values for problem messages, truncated so a huge value cannot flood a log line. */
final class Values {

  /** Longest rendering of a value in a message, in characters, before it is cut. */
  static final int MAX_SHOWN = 80;

  private Values() {}

  /** A string quoted with single quotes, truncated with a note of its full length. */
  static String quote(String value) {
    if (value.length() <= MAX_SHOWN) {
      return "'" + value + "'";
    }
    return "'" + value.substring(0, MAX_SHOWN) + "…' (" + value.length() + " chars)";
  }

  /** A JSON value described by type and (truncated) content, e.g. {@code a number (42)}. */
  static String describe(@Nullable JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isString()) {
      return "the string " + quote(node.stringValue());
    }
    String text = node.toString();
    if (text.length() > MAX_SHOWN) {
      text = text.substring(0, MAX_SHOWN) + "…";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array " + text;
      case OBJECT -> "an object " + text;
      case NUMBER -> "a number (" + text + ")";
      case BOOLEAN -> "a boolean (" + text + ")";
      case NULL -> "null";
      default -> text;
    };
  }
}
