/**
 * Discover's saved queries and the dashboards built on them: the
 * {@link dev.faultline.storage.discover.SavedQueryStore} and
 * {@link dev.faultline.storage.discover.DashboardStore} roles of the metadata port. Both
 * keep what the Web API reads and writes (Sentry's query and widget JSON) as a document,
 * with the columns they are looked up and checked by.
 */
@NullMarked
package dev.faultline.storage.discover;

import org.jspecify.annotations.NullMarked;
