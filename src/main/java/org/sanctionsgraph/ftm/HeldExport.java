package org.sanctionsgraph.ftm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sanctionsgraph.model.Identifier;
import org.sanctionsgraph.person.Position;

/**
 * The identifiers and positions of a record as an export writes them: each one an
 * imported held entity gave is written as that entity again (its id and every property
 * kept); the others as the FtM property of their scheme when FtM has one and they name no
 * country, else as a Passport or Identification entity, and positions as an Occupancy of
 * a Position. A Position is written once per export (it is held while the export runs:
 * one per office).
 */
final class HeldExport {

	/** What a record's identifiers and positions become. */
	record Split(List<Identifier> properties, List<FtmEntity> entities) {
	}

	private final HeldEntities held;

	private final Parties parties;

	private final Set<String> written = new HashSet<>();

	HeldExport(HeldEntities held, Parties parties) {
		this.held = held;
		this.parties = parties;
	}

	Split split(String holder, List<Identifier> identifiers, List<Position> positions) {
		List<Identifier> properties = new ArrayList<>();
		List<FtmEntity> entities = new ArrayList<>();
		if (identifiers.isEmpty() && positions.isEmpty()) {
			return new Split(properties, entities);
		}
		Map<Identifier, FtmEntity> byIdentifier = new HashMap<>();
		Map<Position, FtmEntity> byPosition = new HashMap<>();
		List<FtmEntity> imported = this.held.of(holder);
		Map<String, FtmEntity> posts = this.held
			.posts(imported.stream().filter(entity -> entity.schema().equals("Occupancy")).map(HeldFtm::post).toList());
		for (FtmEntity entity : imported) {
			if (!entity.schema().equals("Occupancy")) {
				byIdentifier.putIfAbsent(HeldFtm.identifier(entity, this.parties), entity);
			}
			else if (posts.containsKey(HeldFtm.post(entity))) {
				byPosition.putIfAbsent(HeldFtm.position(entity, posts.get(HeldFtm.post(entity)), this.parties), entity);
			}
		}
		for (Identifier identifier : identifiers) {
			FtmEntity entity = byIdentifier.remove(identifier);
			if (entity != null) {
				entities.add(entity);
			}
			else if (identifier.countryId() == null && FtmIdentifiers.PROPERTIES.containsKey(identifier.scheme())) {
				properties.add(identifier);
			}
			else {
				entities.add(HeldFtm.entity(identifier, holder, this.parties));
			}
		}
		for (Position position : positions) {
			FtmEntity occupancy = byPosition.remove(position);
			FtmEntity post = occupancy != null ? posts.get(HeldFtm.post(occupancy))
					: HeldFtm.post(position, this.parties);
			if (this.written.add(post.id())) {
				entities.add(post);
			}
			entities.add(occupancy != null ? occupancy : HeldFtm.occupancy(position, holder, post));
		}
		return new Split(properties, entities);
	}

}
