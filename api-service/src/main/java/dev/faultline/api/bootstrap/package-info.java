/**
 * First-start setup: the first organization, its team and the administrator, and the
 * operator-provided API token.
 */
@NullMarked
package dev.faultline.api.bootstrap;

import org.jspecify.annotations.NullMarked;
