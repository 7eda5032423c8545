package org.sanctionsgraph.write;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import java.util.function.Consumer;

import org.sanctionsgraph.graphql.BadArgumentException;
import org.sanctionsgraph.graphql.GlobalId;
import org.sanctionsgraph.graphql.UserError;
import org.sanctionsgraph.graphql.UserErrorCode;
import org.sanctionsgraph.model.Citation;
import org.sanctionsgraph.model.FuzzyDate;
import org.sanctionsgraph.model.Name;
import org.sanctionsgraph.model.NameKind;
import org.sanctionsgraph.records.RecordTypes;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Validates one mutation's input, collecting every problem as a {@link UserError} with
 * the path of the field, and returning each value in the record's own terms (ids, enums,
 * dates) for the feature to set through the record's own type. Nothing is written unless
 * no problem was found.
 */
public final class Checks {

	public static final int NAME_MAX = 300;

	public static final int TITLE_MAX = 500;

	public static final int TEXT_MAX = 5000;

	public static final int LIST_MAX = 200;

	private final MongoTemplate mongo;

	private final RecordTypes types;

	private final PartyResolver parties;

	private final boolean creating;

	private final String prefix;

	private final List<UserError> errors = new ArrayList<>();

	Checks(MongoTemplate mongo, RecordTypes types, PartyResolver parties, boolean creating, String prefix) {
		this.mongo = mongo;
		this.types = types;
		this.parties = parties;
		this.creating = creating;
		this.prefix = prefix;
	}

	/**
	 * Whether the record is being created (required fields must be given) rather than
	 * amended.
	 */
	public boolean creating() {
		return this.creating;
	}

	public List<UserError> errors() {
		return this.errors;
	}

	public void error(String field, UserErrorCode code, String message) {
		this.errors.add(UserError.of(path(field), code, message));
	}

	private String path(String field) {
		return this.prefix + "." + field;
	}

	/** Whether a value was given; when creating, a missing required value is an error. */
	public boolean given(String field, Object value, boolean required) {
		if (value == null) {
			if (required && this.creating) {
				error(field, UserErrorCode.REQUIRED, "is required");
			}
			return false;
		}
		return true;
	}

	public String text(String field, String value, int max, boolean required) {
		if (!given(field, value, required)) {
			return null;
		}
		String trimmed = value.strip();
		if (trimmed.isEmpty()) {
			error(field, required ? UserErrorCode.REQUIRED : UserErrorCode.INVALID, "must not be blank");
			return null;
		}
		if (trimmed.length() > max) {
			error(field, UserErrorCode.TOO_LONG, "must be at most " + max + " characters, got " + trimmed.length());
			return null;
		}
		if (trimmed.indexOf('\u0000') >= 0) {
			error(field, UserErrorCode.INVALID, "must not contain NUL characters");
			return null;
		}
		return trimmed;
	}

	/**
	 * An http or https address with a host, at most 2000 characters; null when not given.
	 */
	public String url(String field, String value) {
		String text = text(field, value, 2000, false);
		if (text == null) {
			return null;
		}
		try {
			URI uri = new URI(text);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return text;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		error(field, UserErrorCode.INVALID, "must be an http or https address");
		return null;
	}

	public FuzzyDate date(String field, String value, boolean required) {
		if (!given(field, value, required)) {
			return null;
		}
		try {
			return new FuzzyDate(value.strip());
		}
		catch (IllegalArgumentException ex) {
			error(field, UserErrorCode.INVALID, ex.getMessage());
			return null;
		}
	}

	public <T> List<T> list(String field, List<T> values, boolean required) {
		if (!given(field, values, required)) {
			return null;
		}
		if (values.size() > LIST_MAX) {
			error(field, UserErrorCode.TOO_LONG, "must have at most " + LIST_MAX + " items, got " + values.size());
			return null;
		}
		if (required && values.isEmpty()) {
			error(field, UserErrorCode.REQUIRED, "must not be empty");
			return null;
		}
		return values;
	}

	/**
	 * The id of the party with a code, checking the code's shape and that the party
	 * exists.
	 */
	public String party(String field, String code, boolean required) {
		if (!given(field, code, required)) {
			return null;
		}
		List<String> ids = parties(field, List.of(code), required);
		return ids == null || ids.isEmpty() ? null : ids.get(0);
	}

	public List<String> parties(String field, List<String> codes, boolean required) {
		if (list(field, codes, required) == null) {
			return null;
		}
		Set<String> normalized = new LinkedHashSet<>();
		for (String code : codes) {
			String upper = code.strip().toUpperCase(Locale.ROOT);
			if (!PartyResolver.CODE.matcher(upper).matches()) {
				error(field, UserErrorCode.INVALID, "'" + code
						+ "' is not a country code (ISO 3166-1 alpha-2 such as BY) or a bloc code (such as EU)");
				return null;
			}
			normalized.add(upper);
		}
		Map<String, String> ids = this.parties.idsByCode(normalized);
		for (String code : normalized) {
			if (!ids.containsKey(code)) {
				error(field, UserErrorCode.NOT_FOUND, "no party has the code '" + code + "'");
				return null;
			}
		}
		return normalized.stream().map(ids::get).toList();
	}

	/** The key of an existing record of the given type, from its global id. */
	public String ref(String field, String id, String type, boolean required) {
		if (!given(field, id, required)) {
			return null;
		}
		List<String> keys = refs(field, List.of(id), type, required);
		return keys == null || keys.isEmpty() ? null : keys.get(0);
	}

	/**
	 * The keys of existing records of the given type (by its registered name), from their
	 * global ids.
	 */
	public List<String> refs(String field, List<String> ids, String type, boolean required) {
		if (list(field, ids, required) == null) {
			return null;
		}
		List<String> keys = new ArrayList<>();
		for (String id : new LinkedHashSet<>(ids)) {
			try {
				keys.add(GlobalId.decode(field, id, type));
			}
			catch (BadArgumentException ex) {
				error(field, UserErrorCode.INVALID, "'" + id + "' is not the id of a " + type);
				return null;
			}
		}
		long found = this.mongo.count(Query.query(Criteria.where("_id").in(keys)),
				this.types.named(type).documentClass());
		if (found != keys.size()) {
			error(field, UserErrorCode.NOT_FOUND, "refers to a " + type + " that does not exist");
			return null;
		}
		return keys;
	}

	/** Names (aliases) from input, each checked. */
	public List<Name> names(String field, List<NameInput> input) {
		if (list(field, input, false) == null) {
			return null;
		}
		List<Name> names = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			NameInput name = input.get(i);
			String value = text(field + "[" + i + "].value", name.value(), NAME_MAX, true);
			String lang = name.lang() == null ? null : text(field + "[" + i + "].lang", name.lang(), 8, false);
			if (value != null) {
				names.add(new Name(value, lang, name.kind() == null ? NameKind.ALIAS : name.kind()));
			}
		}
		return names;
	}

	public List<Citation> citations(String field, List<CitationInput> input) {
		if (list(field, input, false) == null) {
			return null;
		}
		List<Citation> citations = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			citations.add(citation(field + "[" + i + "]", input.get(i)));
		}
		return citations;
	}

	/**
	 * The fields most records share: other names, a description, citations (each null
	 * when not given).
	 */
	public Shared shared(List<NameInput> aliases, String description, List<CitationInput> citations) {
		return new Shared(aliases == null ? null : names("aliases", aliases),
				description == null ? null : text("description", description, TEXT_MAX, false),
				citations == null ? null : citations("citations", citations));
	}

	/** The checked shared fields; a null one was not given and stays as it is. */
	public record Shared(List<Name> aliases, String description, List<Citation> citations) {

		/**
		 * Hands each given field to the record's setter for it (a null setter: the record
		 * has no such field).
		 */
		public void applyTo(Consumer<List<Name>> aliasesSetter, Consumer<String> descriptionSetter,
				Consumer<List<Citation>> citationsSetter) {
			if (this.aliases != null && aliasesSetter != null) {
				aliasesSetter.accept(this.aliases);
			}
			if (this.description != null) {
				descriptionSetter.accept(this.description);
			}
			if (this.citations != null) {
				citationsSetter.accept(this.citations);
			}
		}

	}

	public Citation citation(String field, CitationInput input) {
		String source = ref(field + ".source", input.source(), "Source", true);
		String quote = text(field + ".quote", input.quote(), TEXT_MAX, false);
		String note = text(field + ".note", input.note(), TEXT_MAX, false);
		return new Citation(source, quote, note);
	}

	/** A name as a client sends it. */
	public record NameInput(String value, String lang, NameKind kind) {
	}

	/** A citation as a client sends it. */
	public record CitationInput(String source, String quote, String note) {
	}

}
