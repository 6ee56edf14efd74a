package dev.faultline.storage.metadata;

/**
 * Who owns an issue: a user or a team of the organization.
 */
public sealed interface Assignee {

	long id();

	record User(long id) implements Assignee {

	}

	record Team(long id) implements Assignee {

	}

}
