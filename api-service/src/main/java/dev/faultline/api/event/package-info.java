/**
 * Events of the Web API, rendered from the stored normalized payload into Sentry's event
 * JSON.
 */
@NullMarked
package dev.faultline.api.event;

import org.jspecify.annotations.NullMarked;
