/**
 * Faultline's Java client SDK: captures errors, messages and transactions and sends them
 * as Sentry envelopes to Faultline or Sentry. Depends on the JDK only.
 *
 * <p>
 * Nullness: parameters and return values are non-null unless their Javadoc says
 * "nullable" (this package carries no JSpecify annotations so that it needs no
 * dependency).
 */
package dev.faultline.sdk;
