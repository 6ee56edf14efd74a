package dev.faultline.storage.sourcemap;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A file of an artifact bundle as its manifest describes it.
 *
 * @param path the file's entry in the bundle's ZIP ({@code files/_/_/app.min.js})
 * @param url where the file is served from, {@code ~/} standing for any scheme and host
 * ({@code ~/app.min.js})
 * @param type {@code minified_source}, {@code source_map}, {@code source} or
 * {@code indexed_ram_bundle}
 * @param debugId the file's {@code debug-id} header, lower-case with dashes
 * @param sourceMap the file's {@code sourcemap} header: where its map is, relative to it
 */
public record BundleFile(String path, String url, String type, @Nullable String debugId, @Nullable String sourceMap) {

	public BundleFile {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(type, "type");
	}

}
