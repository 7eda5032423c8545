package org.sanctionsgraph.party;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Parties by id and by code. */
public interface PartyRepository extends MongoRepository<Party, String> {

	Optional<Party> findByCode(String code);

}
