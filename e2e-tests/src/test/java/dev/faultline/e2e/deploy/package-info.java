/**
 * Structure checks of the deployment files at the repository root
 * ({@code docker-compose.yml}, {@code deploy/helm/faultline}): no Docker or Helm runs on
 * the build machine, so their promises (healthchecks, limits, probes, routing) are read
 * from the files with a YAML parser.
 */
@NullMarked
package dev.faultline.e2e.deploy;

import org.jspecify.annotations.NullMarked;
