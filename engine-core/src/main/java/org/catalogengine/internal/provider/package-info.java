/** Storage-independent planning of provider mutations, refresh keys and generated locations (spec §3). */
@NullMarked
package org.catalogengine.internal.provider;

import org.jspecify.annotations.NullMarked;
