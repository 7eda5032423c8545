package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sanctionsgraph.model.FtmProperty;

/**
 * Builds one exported entity: the record's fields as FtM properties, then the extra
 * properties it was imported with, appended to a property of the same name when there is
 * one (values the record could not hold go back beside those it did).
 */
final class FtmLine {

	private final String id;

	private final String schema;

	private final Map<String, List<String>> properties = new LinkedHashMap<>();

	private final Map<String, String> top = new LinkedHashMap<>();

	FtmLine(String id, String schema) {
		this.id = id;
		this.schema = schema;
	}

	FtmLine put(String property, List<String> values) {
		if (!values.isEmpty()) {
			this.properties.computeIfAbsent(property, key -> new ArrayList<>()).addAll(values);
		}
		return this;
	}

	FtmLine put(String property, String value) {
		return value == null ? this : put(property, List.of(value));
	}

	FtmLine extra(List<FtmProperty> extra) {
		for (FtmProperty property : extra) {
			if (property.property().startsWith("@")) {
				this.top.put(property.property().substring(1), property.values().get(0));
			}
			else {
				put(property.property(), property.values());
			}
		}
		return this;
	}

	FtmEntity entity() {
		return new FtmEntity(this.id, this.schema, this.properties, this.top);
	}

}
