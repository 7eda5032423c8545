package org.sanctionsgraph.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.execution.ExecutionContext;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;

/**
 * Measures one operation's depth and cost on the document as written, with
 * {@link FieldCosts}. Every use of a fragment counts, fragments inside fragments too;
 * each fragment is measured once per request and its measure reused, so the work stays
 * linear in the document's size however fragments fan out, and a cycle (which validation
 * refuses before this runs) cannot loop.
 */
final class QueryCost {

	/** Beyond any limit, and far from overflowing when added to or multiplied. */
	static final long CAP = 1L << 40;

	/** The cost and depth of a selection. */
	record Measure(long cost, int depth) {

		static final Measure NONE = new Measure(0, 0);

	}

	/**
	 * One field as written and what it costs with its selection: {@code size} is the
	 * page-size or ids argument that multiplies its selection, as written, or null.
	 */
	record FieldCost(String field, String size, long cost, Field node) {

	}

	/**
	 * A whole operation's measure: its cost and depth, its costliest field, and the first
	 * page size outside the allowed range, if any (refused before anything else).
	 */
	record Report(long cost, int depth, FieldCost costliest, FieldCost badPageSize) {

	}

	private final GraphQLSchema schema;

	private final Map<String, FragmentDefinition> fragments;

	private final Map<String, Object> variables;

	private final ListSizes lists;

	private final Map<String, Measure> measured = new HashMap<>();

	private final Set<String> measuring = new HashSet<>();

	private FieldCost costliest;

	private FieldCost badPageSize;

	private QueryCost(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
			ListSizes lists) {
		this.schema = schema;
		this.fragments = fragments;
		this.variables = variables;
		this.lists = lists;
	}

	static Report of(ExecutionContext context, ListSizes lists) {
		GraphQLSchema schema = context.getGraphQLSchema();
		QueryCost cost = new QueryCost(schema, context.getFragmentsByName(), context.getCoercedVariables().toMap(),
				lists);
		GraphQLCompositeType root = switch (context.getOperationDefinition().getOperation()) {
			case MUTATION -> schema.getMutationType();
			case SUBSCRIPTION -> schema.getSubscriptionType();
			default -> schema.getQueryType();
		};
		Measure measure = cost.selections(context.getOperationDefinition().getSelectionSet(), root);
		return new Report(measure.cost(), measure.depth(), cost.costliest, cost.badPageSize);
	}

	private Measure selections(SelectionSet set, GraphQLCompositeType parent) {
		long cost = 0;
		int depth = 0;
		for (Selection<?> selection : set.getSelections()) {
			Measure measure = Measure.NONE;
			if (selection instanceof Field field) {
				measure = field(field, parent);
			}
			else if (selection instanceof InlineFragment inline) {
				measure = selections(inline.getSelectionSet(), typeOr(inline.getTypeCondition(), parent));
			}
			else if (selection instanceof FragmentSpread spread) {
				measure = fragment(spread.getName());
			}
			cost = Math.min(CAP, cost + measure.cost());
			depth = Math.max(depth, measure.depth());
		}
		return new Measure(cost, depth);
	}

	private Measure fragment(String name) {
		Measure known = this.measured.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition definition = this.fragments.get(name);
		if (definition == null || !this.measuring.add(name)) {
			// unknown, or a cycle: validation refuses both before execution
			return Measure.NONE;
		}
		Measure measure = selections(definition.getSelectionSet(), typeOr(definition.getTypeCondition(), null));
		this.measuring.remove(name);
		this.measured.put(name, measure);
		return measure;
	}

	private Measure field(Field field, GraphQLCompositeType parent) {
		GraphQLFieldDefinition definition = parent == null ? null
				: Introspection.getFieldDef(this.schema, parent, field.getName());
		if (definition == null) {
			return new Measure(1, 1);
		}
		Map<String, Object> args = arguments(field.getArguments());
		Measure children = Measure.NONE;
		if (field.getSelectionSet() != null
				&& GraphQLTypeUtil.unwrapAll(definition.getType()) instanceof GraphQLCompositeType type) {
			children = selections(field.getSelectionSet(), type);
		}
		long items = FieldCosts.items(parent, definition, args, this.lists);
		long cost = Math.min(CAP, FieldCosts.own(parent, definition, args) + times(items, children.cost()));
		String size = FieldCosts.sizeArgument(definition, args);
		Object sizeValue = args.get(size);
		FieldCost fieldCost = new FieldCost(field.getName(),
				size == null ? null
						: size + ": " + (sizeValue instanceof List<?> ids ? ids.size() + " ids" : sizeValue),
				cost, field);
		if (this.costliest == null || cost > this.costliest.cost()) {
			this.costliest = fieldCost;
		}
		if (this.badPageSize == null && size != null && FieldCosts.outsidePage(definition, args.get(size))) {
			this.badPageSize = fieldCost;
		}
		return new Measure(cost, children.depth() + 1);
	}

	private GraphQLCompositeType typeOr(TypeName name, GraphQLCompositeType otherwise) {
		return name != null && this.schema.getType(name.getName()) instanceof GraphQLCompositeType type ? type
				: otherwise;
	}

	private static long times(long items, long cost) {
		return cost != 0 && items > CAP / cost ? CAP : items * cost;
	}

	private Map<String, Object> arguments(List<Argument> arguments) {
		Map<String, Object> values = new LinkedHashMap<>();
		arguments.forEach(argument -> values.put(argument.getName(), value(argument.getValue())));
		return values;
	}

	/**
	 * An argument's value as plain Java values (numbers, strings, lists, maps), variables
	 * resolved.
	 */
	private Object value(Value<?> value) {
		if (value instanceof VariableReference variable) {
			return this.variables.get(variable.getName());
		}
		if (value instanceof IntValue number) {
			return number.getValue();
		}
		if (value instanceof BooleanValue bool) {
			return bool.isValue();
		}
		if (value instanceof StringValue string) {
			return string.getValue();
		}
		if (value instanceof EnumValue name) {
			return name.getName();
		}
		if (value instanceof ArrayValue array) {
			return array.getValues().stream().map(this::value).toList();
		}
		if (value instanceof ObjectValue object) {
			Map<String, Object> fields = new LinkedHashMap<>();
			object.getObjectFields().forEach(field -> fields.put(field.getName(), value(field.getValue())));
			return fields;
		}
		return null;
	}

}
