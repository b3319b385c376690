package org.catalogengine.jdbc.internal.operations.locations;

import static org.catalogengine.jdbc.internal.schema.Tables.ID;

import org.catalogengine.jdbc.internal.tx.Tx;

/** Deletes a location row by id; returns whether one was deleted. */
public final class DeleteLocation {
  private DeleteLocation() {}

  public static boolean run(Tx tx, String id) {
    return tx.dsl().deleteFrom(tx.t().locations).where(ID.eq(id)).execute() == 1;
  }
}
