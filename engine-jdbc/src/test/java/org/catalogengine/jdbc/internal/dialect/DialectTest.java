package org.catalogengine.jdbc.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.catalogengine.error.StorageException;
import org.junit.jupiter.api.Test;

/** Dialect detection and placeholders. */
class DialectTest {

  @Test
  void fromUrl_detectsEverySupportedDatabase() {
    assertThat(Dialect.fromUrl("jdbc:sqlite:catalog.db")).isEqualTo(Dialect.SQLITE);
    assertThat(Dialect.fromUrl("jdbc:postgresql://h/db")).isEqualTo(Dialect.POSTGRES);
    assertThat(Dialect.fromUrl("jdbc:mariadb://h/db")).isEqualTo(Dialect.MARIADB);
    assertThat(Dialect.fromUrl("jdbc:mysql://h/db")).isEqualTo(Dialect.MARIADB);
  }

  @Test
  void fromUrl_rejectsOthersNamingTheUrl() {
    assertThatThrownBy(() -> Dialect.fromUrl("jdbc:h2:mem:x")).isInstanceOf(StorageException.class)
        .hasMessageContaining("jdbc:h2:mem:x");
  }

  @Test
  void placeholders_useLongTextForJsonOnMariaDbOnly() {
    assertThat(Dialect.MARIADB.placeholders("p_")).containsEntry("json_type", "LONGTEXT")
        .containsEntry("prefix", "p_");
    assertThat(Dialect.POSTGRES.placeholders("")).containsEntry("json_type", "TEXT")
        .containsEntry("table_options", "");
    assertThat(Dialect.SQLITE.singleWriter()).isTrue();
    assertThat(Dialect.POSTGRES.singleWriter()).isFalse();
  }
}
