package dev.faultline.core.filter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a project's blacklisted IPs: an IPv4 or IPv6 address, or a CIDR range
 * ({@code 10.0.0.0/8}, {@code 2001:db8::/32}), as Relay's client IP filter reads them.
 * Parsing never resolves a name: a value that is not an address literal is refused.
 * Immutable and thread-safe.
 */
public final class IpRange {

	private final byte[] network;

	private final int prefix;

	private IpRange(byte[] network, int prefix) {
		this.network = network;
		this.prefix = prefix;
	}

	/**
	 * Reads an address or a CIDR range.
	 * @throws IllegalArgumentException naming the value when it is neither
	 */
	public static IpRange parse(String value) {
		String text = value.strip();
		int slash = text.indexOf('/');
		String address = (slash >= 0) ? text.substring(0, slash) : text;
		byte[] bytes = address(address);
		if (bytes == null) {
			throw new IllegalArgumentException("not an IP address or CIDR range: " + value);
		}
		int bits = bytes.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			String length = text.substring(slash + 1);
			if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
				throw new IllegalArgumentException("not an IP address or CIDR range: " + value);
			}
			prefix = Integer.parseInt(length);
			if (prefix > bits) {
				throw new IllegalArgumentException("CIDR prefix longer than the address: " + value);
			}
		}
		return new IpRange(mask(bytes, prefix), prefix);
	}

	/** Whether an address (a literal; anything else is not contained) is in the range. */
	public boolean contains(@Nullable String ip) {
		if (ip == null) {
			return false;
		}
		byte[] bytes = address(ip.strip());
		return bytes != null && bytes.length == this.network.length
				&& Arrays.equals(mask(bytes, this.prefix), this.network);
	}

	/**
	 * The bytes of an IPv4 (dotted quad) or IPv6 literal, null for anything else. IPv6
	 * goes through {@link InetAddress}, which parses a value holding a colon as a literal
	 * and never looks it up; IPv4 is read here, since a name would be looked up.
	 */
	static byte @Nullable [] address(String text) {
		if (text.isEmpty() || text.length() > 64) {
			return null;
		}
		if (text.indexOf(':') >= 0) {
			String literal = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
			if (!ipv6Literal(literal)) {
				return null;
			}
			try {
				byte[] bytes = InetAddress.getByName(literal).getAddress();
				return (bytes.length == 16) ? bytes : ipv4Mapped(bytes);
			}
			catch (UnknownHostException | SecurityException ex) {
				return null;
			}
		}
		return ipv4(text);
	}

	// Only hex digits, colons and dots, starting with a hex digit or a colon: what
	// InetAddress parses as a literal without looking it up.
	private static boolean ipv6Literal(String text) {
		if (text.indexOf(':') < 0 || (text.charAt(0) != ':' && Character.digit(text.charAt(0), 16) < 0)) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != ':' && c != '.' && Character.digit(c, 16) < 0) {
				return false;
			}
		}
		return true;
	}

	// ::ffff:a.b.c.d is answered by InetAddress as the IPv4 address; kept as IPv6 here so
	// that it matches what was written.
	private static byte[] ipv4Mapped(byte[] ipv4) {
		byte[] bytes = new byte[16];
		bytes[10] = (byte) 0xff;
		bytes[11] = (byte) 0xff;
		System.arraycopy(ipv4, 0, bytes, 12, 4);
		return bytes;
	}

	private static byte @Nullable [] ipv4(String text) {
		byte[] bytes = new byte[4];
		int part = 0;
		int value = -1;
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : '.';
			if (c == '.') {
				if (value < 0 || part > 3) {
					return null;
				}
				bytes[part++] = (byte) value;
				value = -1;
			}
			else if (c >= '0' && c <= '9') {
				value = ((value < 0) ? 0 : value * 10) + (c - '0');
				if (value > 255) {
					return null;
				}
			}
			else {
				return null;
			}
		}
		return (part == 4) ? bytes : null;
	}

	private static byte[] mask(byte[] bytes, int prefix) {
		byte[] masked = bytes.clone();
		for (int i = 0; i < masked.length; i++) {
			int keep = Math.max(0, Math.min(8, prefix - i * 8));
			masked[i] = (byte) (masked[i] & (0xff << (8 - keep)));
		}
		return masked;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IpRange range && range.prefix == this.prefix
				&& Arrays.equals(range.network, this.network);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.prefix, Arrays.hashCode(this.network));
	}

}
