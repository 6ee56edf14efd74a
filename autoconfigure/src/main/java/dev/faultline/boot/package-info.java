/**
 * Spring wiring shared by every Faultline service: typed settings and the choice of
 * adapter for each port. Services import the configurations they need; nothing here is
 * auto-configured implicitly.
 */
@NullMarked
package dev.faultline.boot;

import org.jspecify.annotations.NullMarked;
