/**
 * Who sent an ingest request: credentials from the request or the envelope, checked
 * against project keys through a short-lived cache.
 */
@NullMarked
package dev.faultline.ingest.auth;

import org.jspecify.annotations.NullMarked;
