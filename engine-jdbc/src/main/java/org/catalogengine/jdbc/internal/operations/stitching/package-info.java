/** Operations of the deferred stitcher: claiming requests, loading inputs, writing final entities and search rows. */
@NullMarked
package org.catalogengine.jdbc.internal.operations.stitching;

import org.jspecify.annotations.NullMarked;
