/** The engine's front-door implementation: provider wiring, orphaned providers, built-in location providers. */
@NullMarked
package org.catalogengine.internal.engine;

import org.jspecify.annotations.NullMarked;
