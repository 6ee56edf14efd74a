/**
 * A {@code java.util.logging} handler: errors become Faultline events, lower levels
 * breadcrumbs.
 */
package dev.faultline.sdk.jul;
