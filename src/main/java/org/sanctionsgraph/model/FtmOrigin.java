package org.sanctionsgraph.model;

import java.util.List;

/**
 * Where a record came from when it was imported from FollowTheMoney (FtM) data: the
 * entity's id (what a later import of the same entity updates), its schema, and the
 * properties the record has no field for (exported again, never dropped).
 *
 * @param id the FtM entity id
 * @param schema the FtM schema the entity had ({@code Company}, {@code PublicBody})
 * @param extra properties kept as given, in the order the entity listed them
 */
public record FtmOrigin(String id, String schema, List<FtmProperty> extra) {

	public FtmOrigin {
		extra = Lists.orEmpty(extra);
	}

}
