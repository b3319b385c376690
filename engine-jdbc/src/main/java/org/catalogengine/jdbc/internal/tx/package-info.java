/** Transactions: the transactor (connection, single-writer lock, retries) and the retry policy. */
@NullMarked
package org.catalogengine.jdbc.internal.tx;

import org.jspecify.annotations.NullMarked;
