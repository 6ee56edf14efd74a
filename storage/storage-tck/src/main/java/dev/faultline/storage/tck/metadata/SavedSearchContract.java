package dev.faultline.storage.tck.metadata;

import dev.faultline.storage.metadata.Organization;
import dev.faultline.storage.metadata.User;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The contract of saved issue searches and of the organization member list in the
 * metadata port.
 */
public abstract class SavedSearchContract extends IssueWorkflowFixture {

	// ---- saved searches, members
	// --------------------------------------------------------

	@Test
	void savedSearchesAreVisibleToTheirOwnerOrWhenShared() {
		var searches = this.stores.savedSearches();
		var mine = searches.create(this.org.id(), this.ann.id(), "Mine", "is:unresolved", "date", false);
		var shared = searches.create(this.org.id(), this.bob.id(), "Everyone", "is:assigned", "freq", true);
		searches.create(this.org.id(), this.bob.id(), "Bob only", "level:error", "new", false);

		assertThat(mine.id()).isPositive();
		assertThat(mine).extracting("organizationId", "ownerUserId", "name", "query", "sort", "shared", "createdAt")
			.containsExactly(this.org.id(), this.ann.id(), "Mine", "is:unresolved", "date", false, T0);
		assertThat(searches.listVisible(this.org.id(), this.ann.id())).containsExactly(shared, mine);
		assertThat(searches.listVisible(this.org.id(), this.bob.id())).extracting("name")
			.containsExactly("Bob only", "Everyone");
		Organization other = this.stores.organizations().create("other", "Other");
		assertThat(searches.listVisible(other.id(), this.ann.id())).isEmpty();

		assertThat(searches.delete(this.org.id(), shared.id(), this.ann.id())).isFalse();
		assertThat(searches.delete(other.id(), shared.id(), this.bob.id())).isFalse();
		assertThat(searches.delete(this.org.id(), shared.id(), this.bob.id())).isTrue();
		assertThat(searches.listVisible(this.org.id(), this.ann.id())).containsExactly(mine);
	}

	@Test
	void savedSearchNamesAreUniquePerOwnerAndAmongSharedSearches() {
		var searches = this.stores.savedSearches();
		searches.create(this.org.id(), this.ann.id(), "Mine", "a", "date", false);
		searches.create(this.org.id(), this.bob.id(), "Team", "b", "date", true);

		assertThatDuplicate(() -> searches.create(this.org.id(), this.ann.id(), "Mine", "c", "date", false));
		assertThatDuplicate(() -> searches.create(this.org.id(), this.ann.id(), "Mine", "c", "date", true));
		assertThatDuplicate(() -> searches.create(this.org.id(), this.ann.id(), "Team", "c", "date", true));
		searches.create(this.org.id(), this.bob.id(), "Mine", "d", "date", false);
		searches.create(this.org.id(), this.ann.id(), "Team", "e", "date", false);
		Organization other = this.stores.organizations().create("other", "Other");
		searches.create(other.id(), this.ann.id(), "Mine", "f", "date", true);
		assertThat(searches.listVisible(this.org.id(), this.ann.id())).hasSize(3);
	}

	@Test
	void membersAreListedByEmailWithTheirRole() {
		User aaron = this.stores.users().create("Aaron@example.com", "Aaron", "hash");
		this.stores.organizations().addMember(this.org.id(), aaron.id(), "admin");
		Organization other = this.stores.organizations().create("other", "Other");
		this.stores.organizations().addMember(other.id(), this.ann.id(), "member");

		assertThat(this.stores.organizations().listMembers(this.org.id()))
			.extracting((member) -> member.user().email(), (member) -> member.role())
			.containsExactly(tuple("Aaron@example.com", "admin"), tuple("ann@example.com", "owner"),
					tuple("bob@example.com", "member"));
		assertThat(this.stores.organizations().listMembers(other.id())).singleElement()
			.satisfies((member) -> assertThat(member.user()).isEqualTo(this.ann));
	}

}
