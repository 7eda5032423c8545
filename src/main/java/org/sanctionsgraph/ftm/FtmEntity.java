package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One FollowTheMoney entity as a line of FtM JSON holds it: an id, a schema, properties
 * whose values are lists of strings, and any other top-level keys (OpenSanctions adds
 * {@code datasets}, {@code first_seen} and the like), kept as JSON text.
 *
 * @param id the entity id
 * @param schema the schema name ({@code Person}, {@code Company})
 * @param properties the properties in the order the line gave them
 * @param top other top-level keys and their values as JSON text ({@code caption} is left
 * out: it is derived from the properties)
 */
record FtmEntity(String id, String schema, Map<String, List<String>> properties, Map<String, String> top) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The longest entity id accepted (OpenSanctions ids are well under it). */
	static final int ID_MAX = 300;

	/** A line that is not an FtM entity; the message says why and names the key. */
	static final class Invalid extends RuntimeException {

		private final String id;

		Invalid(String message) {
			this(message, null);
		}

		Invalid(String message, String id) {
			super(message, null, false, false);
			this.id = id;
		}

		/** The id of the entity, when the line had one. */
		String id() {
			return this.id;
		}

	}

	/** Parses one line, or says why it is not an entity. */
	@SuppressWarnings("unchecked")
	static FtmEntity parse(String line) {
		Object parsed;
		try {
			parsed = JSON.readValue(line, Object.class);
		}
		catch (JacksonException ex) {
			throw new Invalid("not JSON: " + ex.getOriginalMessage());
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw new Invalid("not a JSON object");
		}
		if (!(map.get("id") instanceof String id) || id.isBlank()) {
			throw new Invalid("'id' must be a non-empty string");
		}
		if (id.length() > ID_MAX) {
			throw new Invalid("'id' is longer than " + ID_MAX + " characters");
		}
		if (!(map.get("schema") instanceof String schema) || schema.isBlank()) {
			throw new Invalid("'schema' must be a non-empty string", id);
		}
		Object props = map.get("properties");
		if (props != null && !(props instanceof Map)) {
			throw new Invalid("'properties' must be an object", id);
		}
		Map<String, List<String>> properties = new LinkedHashMap<>();
		if (props != null) {
			for (Map.Entry<String, Object> property : ((Map<String, Object>) props).entrySet()) {
				properties.put(property.getKey(), strings(id, property.getKey(), property.getValue()));
			}
		}
		Map<String, String> top = new LinkedHashMap<>();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			String key = (String) entry.getKey();
			if (!key.equals("id") && !key.equals("schema") && !key.equals("properties") && !key.equals("caption")) {
				top.put(key, JSON.writeValueAsString(entry.getValue()));
			}
		}
		return new FtmEntity(id, schema, properties, top);
	}

	private static List<String> strings(String id, String property, Object value) {
		if (!(value instanceof List<?> list)) {
			throw new Invalid("property '" + property + "' must be a list of strings", id);
		}
		List<String> values = new ArrayList<>(list.size());
		for (Object item : list) {
			if (!(item instanceof String text)) {
				throw new Invalid("property '" + property + "' must be a list of strings", id);
			}
			values.add(text);
		}
		return values;
	}

	/** The values of a property (none when absent). */
	List<String> values(String property) {
		return this.properties.getOrDefault(property, List.of());
	}

	/** The entity as one line of FtM JSON (no line break). */
	String toJson() {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("id", this.id);
		line.put("schema", this.schema);
		line.put("properties", this.properties);
		this.top.forEach((key, json) -> line.put(key, JSON.readValue(json, Object.class)));
		return JSON.writeValueAsString(line);
	}

}
