/**
 * JMH benchmarks of sdk-java's capture path.
 */
@NullMarked
package dev.faultline.bench.sdk;

import org.jspecify.annotations.NullMarked;
