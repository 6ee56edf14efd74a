package dev.faultline.sdk;

import java.util.function.Supplier;

/**
 * One envelope item. The payload is produced lazily, once, on first use: events are
 * serialized on the sender thread, not the capturing one. Thread-safe.
 */
final class EnvelopeItem {

	private final String type;

	private final String contentType;

	private final int spanCount;

	private Supplier<byte[]> source;

	private volatile byte[] payload;

	/**
	 * @param type the item type, e.g. {@code event}
	 * @param contentType the content type written in the item header
	 * @param spanCount spans carried (a transaction counts its root span), reported when
	 * the item is dropped
	 * @param source produces the payload bytes
	 */
	EnvelopeItem(String type, String contentType, int spanCount, Supplier<byte[]> source) {
		this.type = type;
		this.contentType = contentType;
		this.spanCount = spanCount;
		this.source = source;
	}

	static EnvelopeItem json(String type, byte[] payload) {
		return new EnvelopeItem(type, "application/json", 0, () -> payload);
	}

	String type() {
		return this.type;
	}

	String contentType() {
		return this.contentType;
	}

	int spanCount() {
		return this.spanCount;
	}

	/** The rate-limit and client-report category of this item. */
	String category() {
		return DataCategory.of(this.type);
	}

	byte[] payload() {
		byte[] bytes = this.payload;
		if (bytes == null) {
			synchronized (this) {
				bytes = this.payload;
				if (bytes == null) {
					bytes = this.source.get();
					this.payload = bytes;
					this.source = null;
				}
			}
		}
		return bytes;
	}

}
