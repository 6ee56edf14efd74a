/**
 * Organization members of the Web API: the member list (assignee picker) and the
 * per-request directory of an organization's users and teams that issues render actors
 * and assignees with.
 */
@NullMarked
package dev.faultline.api.member;

import org.jspecify.annotations.NullMarked;
