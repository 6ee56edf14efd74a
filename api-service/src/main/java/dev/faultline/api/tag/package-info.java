/**
 * Tags of the Web API: an issue's tag facets, values and value distribution over time, a
 * project's tag keys and values (search suggestions).
 */
@NullMarked
package dev.faultline.api.tag;

import org.jspecify.annotations.NullMarked;
