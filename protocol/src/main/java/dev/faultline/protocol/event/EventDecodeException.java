package dev.faultline.protocol.event;

/**
 * An event payload that cannot be read at all. The message is the reason's wire name
 * only, never payload text.
 */
public final class EventDecodeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	public EventDecodeException(Reason reason) {
		super(reason.wireName());
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a payload was refused.
	 */
	public enum Reason {

		/** Not parseable as JSON. */
		INVALID_JSON("invalid_json"),
		/** JSON, but not an object. */
		NOT_AN_OBJECT("not_an_object");

		private final String wireName;

		Reason(String wireName) {
			this.wireName = wireName;
		}

		public String wireName() {
			return this.wireName;
		}

	}

}
