/** Stitching: pure functions that turn a processed entity into its final entity and search rows (spec §7). */
@NullMarked
package org.catalogengine.internal.stitching;

import org.jspecify.annotations.NullMarked;
