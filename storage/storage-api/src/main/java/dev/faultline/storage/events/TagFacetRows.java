package dev.faultline.storage.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * For adapters: collects the rows of a tag facet query (one row per top value, already in
 * facet and value order) into {@link TagFacet}s. Not thread-safe: one instance per query.
 */
public final class TagFacetRows {

	private final Map<String, Facet> facets = new LinkedHashMap<>();

	public void add(String key, long totalEvents, long uniqueValues, TagValueCount value) {
		this.facets.computeIfAbsent(key, (ignored) -> new Facet(totalEvents, uniqueValues)).values.add(value);
	}

	public List<TagFacet> result() {
		List<TagFacet> result = new ArrayList<>();
		this.facets.forEach((key, facet) -> result.add(new TagFacet(key, facet.total, facet.unique, facet.values)));
		return result;
	}

	private static final class Facet {

		private final long total;

		private final long unique;

		private final List<TagValueCount> values = new ArrayList<>();

		Facet(long total, long unique) {
			this.total = total;
			this.unique = unique;
		}

	}

}
