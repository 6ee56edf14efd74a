/**
 * Why an event was grouped as it was: the grouping-info endpoint.
 */
@NullMarked
package dev.faultline.api.grouping;

import org.jspecify.annotations.NullMarked;
