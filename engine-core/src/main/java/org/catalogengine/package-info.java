/** Catalog Engine: the embeddable processing engine for the Backstage catalog model. */
@NullMarked
package org.catalogengine;

import org.jspecify.annotations.NullMarked;
