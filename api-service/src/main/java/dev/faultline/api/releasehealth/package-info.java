/**
 * Release health: Sentry's {@code sessions/} endpoint and the {@code healthData} of
 * releases, computed from the sessions dataset of the query model.
 */
@NullMarked
package dev.faultline.api.releasehealth;

import org.jspecify.annotations.NullMarked;
