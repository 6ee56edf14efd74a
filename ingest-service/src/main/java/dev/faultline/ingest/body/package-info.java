/**
 * Reading request bodies: raw from the servlet stream, decompressed as a stream, with
 * size limits enforced while reading.
 */
@NullMarked
package dev.faultline.ingest.body;

import org.jspecify.annotations.NullMarked;
