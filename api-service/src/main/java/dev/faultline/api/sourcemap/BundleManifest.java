package dev.faultline.api.sourcemap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.faultline.storage.sourcemap.BundleFile;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest of an artifact bundle as sentry-cli writes it: a ZIP (after an optional
 * {@code SYSB} + version prefix, symbolic's source bundle header) whose
 * {@code manifest.json} lists each file's entry, type, URL and headers ({@code debug-id},
 * {@code sourcemap}), with the bundle's {@code debug_id}, {@code release} and
 * {@code dist} at the root.
 *
 * @param files the files the manifest lists
 */
record BundleManifest(@Nullable String bundleId, @Nullable String release, @Nullable String dist,
		List<BundleFile> files) {

	/** The largest manifest read; bundles of many thousand files stay well below. */
	static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

	private static final byte[] SOURCE_BUNDLE_MAGIC = { 'S', 'Y', 'S', 'B' };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads the manifest of a bundle.
	 * @throws InvalidBundleException when the bytes are no ZIP, have no manifest, or the
	 * manifest is malformed
	 */
	static BundleManifest read(byte[] bundle) {
		JsonNode manifest = parse(entry(zipBytes(bundle), "manifest.json"));
		JsonNode files = manifest.path("files");
		if (!files.isObject()) {
			throw new InvalidBundleException("manifest.json has no files object");
		}
		List<BundleFile> result = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : files.properties()) {
			JsonNode file = entry.getValue();
			String url = text(file, "url");
			String type = text(file, "type");
			if (url == null || type == null) {
				throw new InvalidBundleException("manifest.json: file " + entry.getKey() + " lacks a url or type");
			}
			JsonNode headers = file.path("headers");
			String debugId = header(headers, "debug-id");
			String sourceMap = header(headers, "sourcemap");
			if (sourceMap == null) {
				sourceMap = header(headers, "x-sourcemap");
			}
			result.add(new BundleFile(entry.getKey(), url, type,
					(debugId != null) ? debugId.toLowerCase(Locale.ROOT) : null, sourceMap));
		}
		return new BundleManifest(text(manifest, "debug_id"), text(manifest, "release"), text(manifest, "dist"),
				result);
	}

	/**
	 * The bytes of one entry of a bundle.
	 * @return null when the bundle has no such entry
	 */
	static byte @Nullable [] file(byte[] bundle, String path) {
		try {
			return entry(zipBytes(bundle), path);
		}
		catch (InvalidBundleException ex) {
			return null;
		}
	}

	/** The ZIP after the source bundle header, when there is one. */
	private static InputStream zipBytes(byte[] bundle) {
		int offset = 0;
		if (bundle.length >= 8 && bundle[0] == SOURCE_BUNDLE_MAGIC[0] && bundle[1] == SOURCE_BUNDLE_MAGIC[1]
				&& bundle[2] == SOURCE_BUNDLE_MAGIC[2] && bundle[3] == SOURCE_BUNDLE_MAGIC[3]) {
			offset = 8;
		}
		return new ByteArrayInputStream(bundle, offset, bundle.length - offset);
	}

	private static byte[] entry(InputStream zip, String path) {
		try (ZipInputStream entries = new ZipInputStream(zip)) {
			boolean any = false;
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				any = true;
				if (entry.getName().equals(path)) {
					return limited(entries, path);
				}
			}
			throw new InvalidBundleException(any ? "the bundle has no " + path : "the bundle is not a ZIP archive");
		}
		catch (IOException ex) {
			throw new InvalidBundleException("the bundle is not a readable ZIP archive: " + ex.getMessage());
		}
	}

	private static byte[] limited(InputStream in, String path) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
			out.write(buffer, 0, read);
			if (out.size() > MAX_MANIFEST_BYTES && path.equals("manifest.json")) {
				throw new InvalidBundleException("manifest.json is larger than " + MAX_MANIFEST_BYTES + " bytes");
			}
		}
		return out.toByteArray();
	}

	private static JsonNode parse(byte[] manifest) {
		try {
			JsonNode node = JSON.readTree(manifest);
			if (node == null || !node.isObject()) {
				throw new InvalidBundleException("manifest.json is not a JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new InvalidBundleException("manifest.json is not valid JSON");
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	/** Header names are matched ignoring case, as sentry-cli writes them lower-case. */
	private static @Nullable String header(JsonNode headers, String name) {
		if (!headers.isObject()) {
			return null;
		}
		for (Map.Entry<String, JsonNode> header : headers.properties()) {
			if (header.getKey().equalsIgnoreCase(name) && header.getValue().isString()) {
				return header.getValue().stringValue();
			}
		}
		return null;
	}

	/**
	 * A bundle that cannot be read; the message says why and is shown to the uploader.
	 */
	static final class InvalidBundleException extends RuntimeException {

		InvalidBundleException(String message) {
			super(message);
		}

	}

}
