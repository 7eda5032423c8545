// graphql-inspector diff rule: a removal counts as breaking unless the released schema had already
// marked what was removed with @deprecated. Such a removal is downgraded to "dangerous" (reported,
// not failing), so the only way to drop something clients may use is to deprecate it in one
// release and remove it in a later one. Everything else keeps the level graphql-inspector gives it.
//
//
// One more change is downgraded the same way: an object type that became an interface with the same
// fields (same names, types and arguments) and the same interfaces, implemented by at least one
// object type, and a union that lost it as a member but holds every type implementing it now. Every
// query written against the old schema stays valid (selections and `... on Name` fragments on an
// interface are valid wherever they were on the object type) and gets the same data; only
// `__typename` names the implementing type instead, which is why it is reported as dangerous.
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

function signature(field) {
	// argument order means nothing to a query (and the released snapshot is sorted)
	const args = (field.args ?? []).map((a) => `${a.name}:${a.type}=${JSON.stringify(a.defaultValue)}`).sort();
	return `${field.type}(${args.join(',')})`;
}

// The object type typeName of oldSchema is an interface in newSchema with the same fields and
// interfaces, and some object type implements it.
function becameSameInterface(typeName, oldSchema, newSchema) {
	const before = oldSchema.getType(typeName);
	const after = newSchema?.getType(typeName);
	if (!isObjectType(before) || !isInterfaceType(after) || newSchema.getPossibleTypes(after).length === 0) {
		return false;
	}
	const oldFields = before.getFields();
	const newFields = after.getFields();
	const names = Object.keys(oldFields);
	if (names.length !== Object.keys(newFields).length) {
		return false;
	}
	if (!names.every((name) => newFields[name] != null && signature(newFields[name]) === signature(oldFields[name]))) {
		return false;
	}
	const interfaces = after.getInterfaces().map((type) => type.name);
	return before.getInterfaces().every((type) => interfaces.includes(type.name));
}

// A union lost a member that became such an interface, and holds every type implementing it now.
function memberBecameInterfaceOfMembers(change, oldSchema, newSchema) {
	const member = change.meta?.removedUnionMemberTypeName;
	const union = newSchema?.getType(change.meta?.unionName);
	if (member == null || !isUnionType(union) || !becameSameInterface(member, oldSchema, newSchema)) {
		return false;
	}
	const members = union.getTypes();
	return newSchema.getPossibleTypes(newSchema.getType(member)).every((type) => members.includes(type));
}

function wasDeprecated(change, oldSchema, newSchema) {
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
		case ChangeType.TypeKindChanged:
			return becameSameInterface(typeName, oldSchema, newSchema);
		case ChangeType.UnionMemberRemoved:
			return memberBecameInterfaceOfMembers(change, oldSchema, newSchema);
		default:
			return false;
	}
}

module.exports = ({ changes, oldSchema, newSchema }) =>
	changes.map((change) =>
		change.criticality.level === CriticalityLevel.Breaking && wasDeprecated(change, oldSchema, newSchema)
			? {
					...change,
					criticality: { ...change.criticality, level: CriticalityLevel.Dangerous },
				}
			: change,
	);
