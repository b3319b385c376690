package org.catalogengine.spi.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlReaderTest {

  @Test
  void isSearch_looksAtThePathOnly() {
    assertThat(UrlReader.isSearch("/repo/*/catalog-info.yaml")).isTrue();
    assertThat(UrlReader.isSearch("/repo/catalog-?.yaml")).isTrue();
    assertThat(UrlReader.isSearch("https://git/org/*/catalog-info.yaml")).isTrue();
    assertThat(UrlReader.isSearch("https://git/org/repo/catalog-info.yaml?ref=main")).isFalse();
    assertThat(UrlReader.isSearch("https://git/org/repo/catalog-info.yaml#L1")).isFalse();
    assertThat(UrlReader.isSearch("/repo/catalog-info.yaml")).isFalse();
  }
}
