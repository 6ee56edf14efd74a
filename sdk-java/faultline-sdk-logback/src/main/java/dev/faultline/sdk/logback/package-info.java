/**
 * A Logback appender: errors become Faultline events, lower levels breadcrumbs.
 */
package dev.faultline.sdk.logback;
