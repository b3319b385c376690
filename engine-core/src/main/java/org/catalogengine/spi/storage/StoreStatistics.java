package org.catalogengine.spi.storage;

/**
 * Row counts of the store's tables, for diagnostics and tests.
 *
 * @param entities rows in refresh state (known entities)
 * @param queued rows in the processing queue
 * @param referenceEdges reference edges (provider roots and parent→child)
 * @param relations relations (a stored row may hold a relation and its reverse: it counts as two)
 * @param finalEntities final (stitched) entity rows
 * @param searchRows search rows
 * @param stitchRequests pending stitch requests
 * @param refreshKeys registered refresh keys
 * @param locations registered locations
 * @param conflicts recorded locationKey conflicts
 * @since 0.1 (experimental)
 */
public record StoreStatistics(
    long entities,
    long queued,
    long referenceEdges,
    long relations,
    long finalEntities,
    long searchRows,
    long stitchRequests,
    long refreshKeys,
    long locations,
    long conflicts) {}
