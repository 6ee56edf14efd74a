/**
 * What every ingest endpoint shares over HTTP: the rejection type, its one mapping to
 * statuses and bodies, and CORS.
 */
@NullMarked
package dev.faultline.ingest.http;

import org.jspecify.annotations.NullMarked;
