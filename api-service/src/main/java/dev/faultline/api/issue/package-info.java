/**
 * Issues (Sentry's groups) of the Web API: lists with search, detail, single and bulk
 * changes (status, assignment, bookmarks, subscriptions, merge, discard, delete),
 * activity and comments, hashes and unmerge, tombstones, saved searches.
 */
@NullMarked
package dev.faultline.api.issue;

import org.jspecify.annotations.NullMarked;
