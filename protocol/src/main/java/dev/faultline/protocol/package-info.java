/**
 * The Sentry wire protocol, independent of any framework: identifiers here, the envelope
 * codec and client authentication in sub-packages.
 */
@NullMarked
package dev.faultline.protocol;

import org.jspecify.annotations.NullMarked;
