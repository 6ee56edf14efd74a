/**
 * Organizations and teams of the Web API.
 */
@NullMarked
package dev.faultline.api.organization;

import org.jspecify.annotations.NullMarked;
