/**
 * Inbound data filters, Sentry's and Relay's: the built-in filters (browser extensions,
 * localhost, legacy browsers, web crawlers) and a project's custom lists (error message
 * and release globs, IP addresses and CIDR ranges), each dropping an event with Relay's
 * reason code ({@link dev.faultline.core.filter.FilterReason}). Pure: no I/O; every
 * pattern runs in linear time (built-ins in
 * {@link dev.faultline.core.text.ClientPatterns}, the project's globs on RE2/J through
 * {@link dev.faultline.core.text.UserPatterns}).
 */
@NullMarked
package dev.faultline.core.filter;

import org.jspecify.annotations.NullMarked;
