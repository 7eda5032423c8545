// graphql-inspector diff rule: a removal counts as breaking unless the released schema had already
// marked what was removed with @deprecated. Such a removal is downgraded to "dangerous" (reported,
// not failing), so the only way to drop something clients may use is to deprecate it in one
// release and remove it in a later one. Everything else keeps the level graphql-inspector gives it.
//
// The stock suppressRemovalOfDeprecatedField rule is not used because it lets any type removal
// through (even of a type that nothing deprecated led to) and does not cover arguments.
const { ChangeType, CriticalityLevel } = require('@graphql-inspector/core');
const {
	getNamedType,
	isEnumType,
	isInputObjectType,
	isInterfaceType,
	isObjectType,
	isUnionType,
} = require('graphql');

function isDeprecated(element) {
	return element != null && element.deprecationReason != null;
}

function fieldOf(schema, typeName, fieldName) {
	const type = schema.getType(typeName);
	return isObjectType(type) || isInterfaceType(type) ? type.getFields()[fieldName] : undefined;
}

// A type may go once every field, argument and input field that returned or took it was deprecated,
// and no client can reach it through an interface or a union.
function typeWasOnlyReachedThroughDeprecated(schema, typeName) {
	const type = schema.getType(typeName);
	if (type == null || ((isObjectType(type) || isInterfaceType(type)) && type.getInterfaces().length > 0)) {
		return false;
	}
	const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
	if (roots.includes(type)) {
		return false;
	}
	for (const other of Object.values(schema.getTypeMap())) {
		if (isUnionType(other) && other.getTypes().includes(type)) {
			return false;
		}
		if (isObjectType(other) || isInterfaceType(other) || isInputObjectType(other)) {
			for (const field of Object.values(other.getFields())) {
				if (getNamedType(field.type) === type && !isDeprecated(field)) {
					return false;
				}
				for (const arg of field.args ?? []) {
					if (getNamedType(arg.type) === type && !isDeprecated(arg) && !isDeprecated(field)) {
						return false;
					}
				}
			}
		}
	}
	return true;
}

function wasDeprecated(change, oldSchema) {
	const [typeName, member, argument] = (change.path ?? '').split('.');
	const type = oldSchema.getType(typeName);
	switch (change.type) {
		case ChangeType.FieldRemoved:
			return isDeprecated(fieldOf(oldSchema, typeName, member));
		case ChangeType.FieldArgumentRemoved: {
			const field = fieldOf(oldSchema, typeName, member);
			return field != null && (isDeprecated(field) || isDeprecated(field.args.find((a) => a.name === argument)));
		}
		case ChangeType.InputFieldRemoved:
			return isInputObjectType(type) && isDeprecated(type.getFields()[member]);
		case ChangeType.EnumValueRemoved:
			return isEnumType(type) && isDeprecated(type.getValue(member));
		case ChangeType.TypeRemoved:
			return typeWasOnlyReachedThroughDeprecated(oldSchema, typeName);
		default:
			return false;
	}
}

module.exports = ({ changes, oldSchema }) =>
	changes.map((change) =>
		change.criticality.level === CriticalityLevel.Breaking && wasDeprecated(change, oldSchema)
			? {
					...change,
					criticality: { ...change.criticality, level: CriticalityLevel.Dangerous },
				}
			: change,
	);
