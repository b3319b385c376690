// TEMP: replaced by the planner branch at merge
/** Pure provider-side helpers: delta planning, refresh keys, generated locations. */
@NullMarked
package org.catalogengine.internal.provider;

import org.jspecify.annotations.NullMarked;
