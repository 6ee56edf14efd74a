package dev.faultline.protocol.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The user interface ({@code user}; legacy {@code sentry.interfaces.User}).
 *
 * @param id the application's user id (a number is read as its text)
 * @param email the e-mail address
 * @param ipAddress the IP address, or {@code {{auto}}} for the sender's
 * @param username the user name
 * @param name the display name
 * @param geo the location
 * @param data arbitrary user data
 * @param other every other property ({@code segment}, …), verbatim
 */
public record User(@Nullable String id, @Nullable String email, @Nullable String ipAddress, @Nullable String username,
		@Nullable String name, @Nullable Map<String, JsonNode> geo, @Nullable Map<String, JsonNode> data,
		Map<String, JsonNode> other) {

	public User {
		geo = (geo != null) ? Others.copy(geo) : null;
		data = (data != null) ? Others.copy(data) : null;
		other = Others.copy(other);
	}

	/**
	 * Whether nothing at all is set.
	 */
	public boolean isEmpty() {
		return this.id == null && this.email == null && this.ipAddress == null && this.username == null
				&& this.name == null && this.geo == null && this.data == null && this.other.isEmpty();
	}

}
