/** The per-entity processing pipeline, its built-in processors, catalog rules and the result hash. */
@NullMarked
package org.catalogengine.internal.processing;

import org.jspecify.annotations.NullMarked;
