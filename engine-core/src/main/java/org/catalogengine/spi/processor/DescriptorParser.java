package org.catalogengine.spi.processor;

import java.util.List;

/**
 * Parses descriptor files (multi-document YAML or JSON) into documents with their source and line (spec B2).
 *
 * <p>STUB: the hardened parser lands with issue 2.
 *
 * @since 0.1 (experimental)
 */
public final class DescriptorParser {

  private DescriptorParser() {}

  /** The default parser: 10 MiB per file. */
  public static DescriptorParser defaults() {
    return new DescriptorParser();
  }

  /** Parses the content of one file; problems come back as {@link ParsedDocument.Failed}, never thrown. */
  public List<ParsedDocument> parse(String source, byte[] content) {
    throw new UnsupportedOperationException("DescriptorParser is not implemented yet");
  }
}
