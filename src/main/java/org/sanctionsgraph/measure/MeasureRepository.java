package org.sanctionsgraph.measure;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Measures by id; list queries go through the pager. */
public interface MeasureRepository extends MongoRepository<Measure, String> {

}
