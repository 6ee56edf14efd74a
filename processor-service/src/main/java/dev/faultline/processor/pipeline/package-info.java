/**
 * The processing pipeline every item kind shares: the consumer loop
 * ({@link dev.faultline.processor.pipeline.ProcessorLoop}), decoding, routing each item
 * by type to its kind's {@link dev.faultline.processor.pipeline.ItemProcessor}, the
 * per-envelope {@link dev.faultline.processor.pipeline.ProcessingBudget}, the stages
 * several kinds reuse (normalization, scrubbing) and the outcome of every item.
 */
@NullMarked
package dev.faultline.processor.pipeline;

import org.jspecify.annotations.NullMarked;
