/**
 * Projects and their client keys (DSNs) of the Web API.
 */
@NullMarked
package dev.faultline.api.project;

import org.jspecify.annotations.NullMarked;
