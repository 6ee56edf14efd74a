/**
 * The contract suite of the metadata port ({@link dev.faultline.storage.metadata}): every
 * adapter subclasses {@link dev.faultline.storage.tck.metadata.MetadataStoresContract}.
 */
@NullMarked
package dev.faultline.storage.tck.metadata;

import org.jspecify.annotations.NullMarked;
