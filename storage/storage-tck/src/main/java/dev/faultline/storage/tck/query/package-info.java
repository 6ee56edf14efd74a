/**
 * The query model's contract suite: every engine's {@code QueryRunner} answers the same
 * as the query model's semantics restated in plain Java over the seeded events.
 */
@NullMarked
package dev.faultline.storage.tck.query;

import org.jspecify.annotations.NullMarked;
