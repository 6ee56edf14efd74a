package dev.faultline.sdk;

/**
 * The user an event happened to. Every component is nullable.
 *
 * @param id the application's user id
 * @param username the user name
 * @param email the e-mail address
 * @param ipAddress the IP address, or {@code "{{auto}}"} to let the server use the
 * client's
 */
public record User(String id, String username, String email, String ipAddress) implements JsonWriter.JsonValue {

	@Override
	public void writeTo(JsonWriter json) {
		json.beginObject()
			.field("id", this.id)
			.field("username", this.username)
			.field("email", this.email)
			.field("ip_address", this.ipAddress)
			.endObject();
	}

}
